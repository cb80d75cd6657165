package io.kervan.companies;

import io.kervan.identity.CurrentUser;
import io.kervan.shared.Slice;
import io.kervan.shared.api.ApiResponses;
import io.kervan.shared.api.ETags;
import io.kervan.shared.api.IdempotentCreates;
import io.kervan.shared.api.ExternalIds;
import io.kervan.shared.api.JsonMergePatch;
import io.kervan.shared.export.ExportColumn;
import io.kervan.shared.export.ExportFormat;
import io.kervan.shared.export.ListExports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
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

/** {@code /api/v1/companies}: list, get, create, merge-patch, archive, upsert by external id. */
@RestController
@RequestMapping("/api/v1/companies")
class CompanyApiController {

    private final CompanyService companies;
    private final IdempotentCreates idempotency;
    private final ObjectMapper json;
    private final ListExports exports;

    /** The columns of a company export, shared with the company pages' export button. */
    static final List<ExportColumn<CompanySummary>> EXPORT_COLUMNS = List.of(
            ExportColumn.of("company.name", CompanySummary::name),
            ExportColumn.of("company.sector", CompanySummary::sector),
            ExportColumn.of("company.city", CompanySummary::city),
            ExportColumn.of("company.phone", CompanySummary::phone),
            ExportColumn.of("company.email", CompanySummary::email),
            ExportColumn.of("company.export.archived", c -> c.archived() ? "✓" : ""),
            ExportColumn.of("company.export.updatedAt", c -> c.updatedAt() == null ? null : c.updatedAt().toString()),
            ExportColumn.of("company.export.id", c -> c.id().toString()));

    CompanyApiController(CompanyService companies, IdempotentCreates idempotency, ObjectMapper json,
            ListExports exports) {
        this.companies = companies;
        this.idempotency = idempotency;
        this.json = json;
        this.exports = exports;
    }

    /** The visible companies matching the list filters as a CSV or XLSX file, streamed page by page. */
    @GetMapping("/export")
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(required = false) UUID ownerId,
            @RequestParam(defaultValue = "false") boolean includeArchived, HttpServletResponse response)
            throws IOException {
        export(companies, exports, ExportFormat.parse(format, ExportFormat.TABULAR),
                new CompanyFilter(q, ownerId, includeArchived), sort, response);
    }

    static void export(CompanyService companies, ListExports exports, ExportFormat format, CompanyFilter filter,
            String sort, HttpServletResponse response) throws IOException {
        String filters = ListExports.filters("q", filter.query(), "ownerId", filter.ownerId(), "includeArchived",
                filter.includeArchived(), "sort", sort);
        exports.table(response, new ListExports.Request(CompanyService.RECORD_TYPE, "companies", format, filters,
                CurrentUser.require().id()), EXPORT_COLUMNS,
                cursor -> companies.list(filter, sort, cursor, ListExports.PAGE_SIZE));
    }

    @GetMapping
    CompanyJson.Page list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String sort,
            @RequestParam(required = false) UUID ownerId,
            @RequestParam(defaultValue = "false") boolean includeArchived) {
        Slice<CompanySummary> page = companies.list(new CompanyFilter(q, ownerId, includeArchived), sort, cursor, limit);
        return new CompanyJson.Page(page.items(), page.nextCursor());
    }

    @GetMapping("/{id}")
    ResponseEntity<CompanyJson.Resource> get(@PathVariable UUID id) {
        return ok(companies.get(id));
    }

    @PostMapping
    ResponseEntity<CompanyJson.Resource> create(@RequestBody CompanyJson.Input input,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        CompanyDetails company = idempotency.create(CurrentUser.require().id(), idempotencyKey,
                json.writeValueAsString(input), () -> companies.create(input.toDraft()), CompanyDetails::id)
                .orRead(companies::get);
        return ApiResponses.created("/api/v1/companies/" + company.id(), company.version(), CompanyJson.Resource.of(company));
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<CompanyJson.Resource> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CompanyDetails current = companies.get(id);
        long expected = ETags.expectedVersion(ifMatch, current.version(), CompanyService.RECORD_TYPE, id);
        CompanyJson.Input merged = JsonMergePatch.apply(json, CompanyJson.Input.of(current), patch,
                CompanyJson.Input.class);
        return ok(companies.update(id, merged.toDraft(), expected));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> archive(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CompanyDetails current = companies.get(id);
        companies.archive(id, ETags.expectedVersion(ifMatch, current.version(), CompanyService.RECORD_TYPE, id));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/by-external-id/{source}/{externalId}")
    ResponseEntity<CompanyJson.Resource> upsert(@PathVariable String source, @PathVariable String externalId,
            @RequestBody CompanyJson.Input input) {
        ExternalIds.check(source, externalId);
        CompanyService.Upserted result = companies.upsertByExternalId(source, externalId, input.toDraft());
        CompanyDetails company = result.company();
        return ApiResponses.upserted(result.created(), "/api/v1/companies/" + company.id(), company.version(),
                CompanyJson.Resource.of(company));
    }

    private static ResponseEntity<CompanyJson.Resource> ok(CompanyDetails company) {
        return ApiResponses.ok(company.version(), CompanyJson.Resource.of(company));
    }
}
