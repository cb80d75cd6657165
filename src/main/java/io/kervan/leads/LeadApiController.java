package io.kervan.leads;

import io.kervan.shared.export.ExportColumn;
import io.kervan.shared.export.ExportFormat;
import io.kervan.shared.export.ListExports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import io.kervan.identity.CurrentUser;
import io.kervan.shared.Slice;
import io.kervan.shared.api.ETags;
import io.kervan.shared.api.ExternalIds;
import io.kervan.shared.api.IdempotentCreates;
import io.kervan.shared.api.JsonMergePatch;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code /api/v1/leads}: list, get, create, merge-patch, archive, upsert by external id, conversion. */
@RestController
@RequestMapping("/api/v1/leads")
class LeadApiController {

    private final LeadService leads;
    private final IdempotentCreates idempotency;
    private final ObjectMapper json;

    private final ListExports exports;

    /** The columns of a lead export. */
    static final java.util.List<ExportColumn<LeadSummary>> EXPORT_COLUMNS = java.util.List.of(
            ExportColumn.of("lead.firstName", LeadSummary::firstName),
            ExportColumn.of("lead.lastName", LeadSummary::lastName),
            ExportColumn.of("lead.companyName", LeadSummary::companyName),
            ExportColumn.of("lead.email", LeadSummary::email),
            ExportColumn.of("lead.phone", LeadSummary::phone),
            ExportColumn.of("lead.source", LeadSummary::source),
            ExportColumn.of("lead.status", LeadSummary::status),
            ExportColumn.of("lead.export.createdAt", l -> l.createdAt() == null ? null : l.createdAt().toString()),
            ExportColumn.of("lead.export.archived", l -> l.archived() ? "✓" : ""),
            ExportColumn.of("lead.export.id", l -> l.id().toString()));

    LeadApiController(LeadService leads, IdempotentCreates idempotency, ObjectMapper json, ListExports exports) {
        this.leads = leads;
        this.idempotency = idempotency;
        this.json = json;
        this.exports = exports;
    }

    /** The visible leads matching the list filters as a CSV or XLSX file, streamed page by page. */
    @GetMapping("/export")
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) String q,
            @RequestParam(required = false) String status, @RequestParam(required = false) String source,
            @RequestParam(required = false) UUID ownerId, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "false") boolean includeArchived, HttpServletResponse response)
            throws IOException {
        export(leads, exports, ExportFormat.parse(format, ExportFormat.TABULAR),
                new LeadFilter(q, status, source, ownerId, includeArchived), sort, response);
    }

    static void export(LeadService leads, ListExports exports, ExportFormat chosen, LeadFilter filter, String sort,
            HttpServletResponse response) throws IOException {
        String filters = ListExports.filters("q", filter.query(), "status", filter.status(), "source",
                filter.source(), "ownerId", filter.ownerId(), "includeArchived", filter.includeArchived(),
                "sort", sort);
        exports.table(response, new ListExports.Request(LeadService.RECORD_TYPE, "leads", chosen, filters,
                CurrentUser.require().id()), EXPORT_COLUMNS,
                cursor -> leads.list(filter, sort, cursor, ListExports.PAGE_SIZE));
    }

    @GetMapping
    LeadJson.Page list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(required = false) String source, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "false") boolean includeArchived) {
        Slice<LeadSummary> page = leads.list(new LeadFilter(q, status, source, ownerId, includeArchived), sort, cursor,
                limit);
        return new LeadJson.Page(page.items(), page.nextCursor());
    }

    @GetMapping("/{id}")
    ResponseEntity<LeadJson.Resource> get(@PathVariable UUID id) {
        return ok(leads.get(id));
    }

    @PostMapping
    ResponseEntity<LeadJson.Resource> create(@RequestBody LeadJson.Input input,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        LeadDetails lead = idempotency.create(CurrentUser.require().id(), idempotencyKey,
                "lead:" + json.writeValueAsString(input), () -> leads.create(input.toDraft()), LeadDetails::id)
                .orRead(leads::get);
        return ResponseEntity.created(URI.create("/api/v1/leads/" + lead.id()))
                .eTag(ETags.of(lead.version())).body(LeadJson.Resource.of(lead));
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<LeadJson.Resource> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        LeadDetails current = leads.get(id);
        long expected = ETags.expectedVersion(ifMatch, current.version(), LeadService.RECORD_TYPE, id);
        LeadJson.Input merged = JsonMergePatch.apply(json, LeadJson.Input.of(current), patch, LeadJson.Input.class);
        return ok(leads.update(id, merged.toDraft(), expected));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> archive(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        LeadDetails current = leads.get(id);
        leads.archive(id, ETags.expectedVersion(ifMatch, current.version(), LeadService.RECORD_TYPE, id));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/by-external-id/{source}/{externalId}")
    ResponseEntity<LeadJson.Resource> upsert(@PathVariable String source, @PathVariable String externalId,
            @RequestBody LeadJson.Input input) {
        ExternalIds.check(source, externalId);
        LeadService.Upserted result = leads.upsertByExternalId(source, externalId, input.toDraft());
        LeadDetails lead = result.lead();
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/leads/" + lead.id()))
                .eTag(ETags.of(lead.version())).body(LeadJson.Resource.of(lead));
    }

    /** Existing companies whose name matches the lead's company name: candidates for {@code companyId}. */
    @GetMapping("/{id}/company-matches")
    LeadJson.CompanyMatches companyMatches(@PathVariable UUID id) {
        return new LeadJson.CompanyMatches(leads.companyMatches(id));
    }

    /** Converts a qualified lead: {@code 200} with what it became, {@code 422} when not qualified, {@code 409} twice. */
    @PostMapping("/{id}/conversion")
    LeadConversion convert(@PathVariable UUID id, @RequestBody(required = false) LeadJson.ConversionInput input) {
        LeadJson.ConversionInput request = input == null ? new LeadJson.ConversionInput(null, null, null, null) : input;
        return leads.convert(id, request.toRequest());
    }

    private static ResponseEntity<LeadJson.Resource> ok(LeadDetails lead) {
        return ResponseEntity.ok().eTag(ETags.of(lead.version())).body(LeadJson.Resource.of(lead));
    }
}
