package io.kervan.companies;

import io.kervan.identity.CurrentUser;
import io.kervan.shared.Slice;
import io.kervan.shared.api.ApiResponses;
import io.kervan.shared.api.ETags;
import io.kervan.shared.api.IdempotentCreates;
import io.kervan.shared.api.ExternalIds;
import io.kervan.shared.api.JsonMergePatch;
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

    CompanyApiController(CompanyService companies, IdempotentCreates idempotency, ObjectMapper json) {
        this.companies = companies;
        this.idempotency = idempotency;
        this.json = json;
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
        IdempotentCreates.Outcome outcome = idempotency.create(CurrentUser.require().id(), idempotencyKey,
                json.writeValueAsString(input), () -> companies.create(input.toDraft()).id());
        CompanyDetails company = companies.get(outcome.id());
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
