package io.kervan.deals;

import io.kervan.shared.export.ExportColumn;
import io.kervan.shared.export.ExportFormat;
import io.kervan.shared.export.ListExports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import io.kervan.identity.CurrentUser;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.Slice;
import io.kervan.shared.api.ETags;
import io.kervan.shared.api.IdempotentCreates;
import io.kervan.shared.api.JsonMergePatch;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /api/v1/deals}: list (with the stale filter), get, create, merge-patch, archive, and the
 * actions that move a deal: stage, won, lost; plus its stage history.
 */
@RestController
@RequestMapping("/api/v1/deals")
class DealApiController {

    private final DealService deals;
    private final IdempotentCreates idempotency;
    private final ObjectMapper json;

    private final ListExports exports;

    /** The columns of a deal export; the value stays a number. */
    static final java.util.List<ExportColumn<DealSummary>> EXPORT_COLUMNS = java.util.List.of(
            ExportColumn.of("deal.title", DealSummary::title),
            ExportColumn.of("deal.status", DealSummary::status),
            ExportColumn.of("deal.value", DealSummary::value),
            ExportColumn.of("deal.currency", DealSummary::currency),
            ExportColumn.of("deal.expectedCloseDate",
                    d -> d.expectedCloseDate() == null ? null : d.expectedCloseDate().toString()),
            ExportColumn.of("deal.export.company", DealSummary::companyName),
            ExportColumn.of("deal.probability", DealSummary::probability),
            ExportColumn.of("deal.export.stale", d -> d.stale() ? "✓" : ""),
            ExportColumn.of("deal.export.archived", d -> d.archived() ? "✓" : ""),
            ExportColumn.of("deal.export.id", d -> d.id().toString()));

    DealApiController(DealService deals, IdempotentCreates idempotency, ObjectMapper json, ListExports exports) {
        this.deals = deals;
        this.idempotency = idempotency;
        this.json = json;
        this.exports = exports;
    }

    /** The visible deals matching the list filters as a CSV or XLSX file, streamed page by page. */
    @GetMapping("/export")
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(required = false) UUID pipelineId,
            @RequestParam(required = false) UUID stageId, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean stale,
            @RequestParam(defaultValue = "false") boolean includeArchived, HttpServletResponse response)
            throws IOException {
        ExportFormat chosen = ExportFormat.parse(format, ExportFormat.TABULAR);
        DealFilter filter = new DealFilter(q, pipelineId, stageId, ownerId, null, status(status), stale, null,
                includeArchived);
        export(deals, exports, chosen, filter, sort, response);
    }

    static void export(DealService deals, ListExports exports, ExportFormat chosen, DealFilter filter, String sort,
            HttpServletResponse response) throws IOException {
        String filters = ListExports.filters("q", filter.query(), "pipelineId", filter.pipelineId(), "stageId",
                filter.stageId(), "ownerId", filter.ownerId(), "ownerIds", filter.ownerIds(), "status",
                filter.status(), "stale", filter.staleOnly(), "closeMonth", filter.closeMonth(), "includeArchived",
                filter.includeArchived(), "sort", sort);
        exports.table(response, new ListExports.Request(DealService.RECORD_TYPE, "deals", chosen, filters,
                CurrentUser.require().id()), EXPORT_COLUMNS,
                cursor -> deals.list(filter, sort, cursor, ListExports.PAGE_SIZE));
    }

    @GetMapping
    DealJson.Page<DealSummary> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String sort, @RequestParam(required = false) UUID pipelineId,
            @RequestParam(required = false) UUID stageId, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean stale,
            @RequestParam(defaultValue = "false") boolean includeArchived) {
        DealFilter filter = new DealFilter(q, pipelineId, stageId, ownerId, null, status(status), stale, null,
                includeArchived);
        Slice<DealSummary> page = deals.list(filter, sort, cursor, limit);
        return new DealJson.Page<>(page.items(), page.nextCursor());
    }

    @GetMapping("/{id}")
    ResponseEntity<DealJson.Resource> get(@PathVariable UUID id) {
        return ok(deals.get(id));
    }

    @PostMapping
    ResponseEntity<DealJson.Resource> create(@RequestBody DealJson.Input input,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (input.status() != null && !input.status().equals("open")) {
            throw new InvalidInputException("status", "deals.validation.useActions");
        }
        DealDetails deal = idempotency.create(CurrentUser.require().id(), idempotencyKey,
                json.writeValueAsString(input), () -> deals.create(input.toDraft()), DealDetails::id)
                .orRead(deals::get);
        return ResponseEntity.created(URI.create("/api/v1/deals/" + deal.id()))
                .eTag(ETags.of(deal.version())).body(DealJson.Resource.of(deal, deals.now()));
    }

    /** Changes fields; the pipeline, stage and status change only through the action endpoints. */
    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<DealJson.Resource> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        DealDetails current = deals.get(id);
        long expected = ETags.expectedVersion(ifMatch, current.version(), DealService.RECORD_TYPE, id);
        DealJson.Input merged = JsonMergePatch.apply(json, DealJson.Input.of(current), patch, DealJson.Input.class);
        if (!Objects.equals(merged.stageId(), current.stageId())) {
            throw new InvalidInputException("stageId", "deals.validation.useActions");
        }
        if (!Objects.equals(merged.status(), current.status().key())) {
            throw new InvalidInputException("status", "deals.validation.useActions");
        }
        if (!Objects.equals(merged.pipelineId(), current.pipelineId())) {
            throw new InvalidInputException("pipelineId", "deals.validation.pipelineFixed");
        }
        return ok(deals.update(id, merged.toDraft(), expected));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> archive(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        DealDetails current = deals.get(id);
        deals.archive(id, ETags.expectedVersion(ifMatch, current.version(), DealService.RECORD_TYPE, id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/stage")
    ResponseEntity<DealJson.Resource> stage(@PathVariable UUID id, @RequestBody DealJson.StageChange body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return ok(deals.moveToStage(id, body.stageId(), expected(id, ifMatch)));
    }

    @PostMapping("/{id}/won")
    ResponseEntity<DealJson.Resource> won(@PathVariable UUID id,
            @RequestBody(required = false) DealJson.Won body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return ok(deals.win(id, body == null ? null : body.value(), expected(id, ifMatch)));
    }

    @PostMapping("/{id}/lost")
    ResponseEntity<DealJson.Resource> lost(@PathVariable UUID id, @RequestBody(required = false) DealJson.Lost body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        DealJson.Lost lost = body == null ? new DealJson.Lost(null, null) : body;
        return ok(deals.lose(id, lost.reasonId(), lost.note(), expected(id, ifMatch)));
    }

    @GetMapping("/{id}/stage-history")
    DealJson.Page<DealJson.HistoryEntry> history(@PathVariable UUID id) {
        return new DealJson.Page<>(deals.stageHistory(id).stream().map(DealJson.HistoryEntry::of).toList(), null);
    }

    private Long expected(UUID id, String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        DealDetails current = deals.get(id);
        return ETags.expectedVersion(ifMatch, current.version(), DealService.RECORD_TYPE, id);
    }

    static io.kervan.deals.DealStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DealStatus.ofKey(status.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "deals.validation.status");
        }
    }

    private ResponseEntity<DealJson.Resource> ok(DealDetails deal) {
        return ResponseEntity.ok().eTag(ETags.of(deal.version())).body(DealJson.Resource.of(deal, deals.now()));
    }
}
