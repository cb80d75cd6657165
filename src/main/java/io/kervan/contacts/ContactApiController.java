package io.kervan.contacts;

import io.kervan.identity.CurrentUser;
import io.kervan.shared.Slice;
import io.kervan.shared.api.ApiResponses;
import io.kervan.shared.api.ETags;
import io.kervan.shared.api.ExternalIds;
import io.kervan.shared.api.IdempotentCreates;
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

/** {@code /api/v1/contacts}: list, get, create, merge-patch, archive, upsert by external id. */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactApiController {

    private final ContactService contacts;
    private final IdempotentCreates idempotency;
    private final ObjectMapper json;

    ContactApiController(ContactService contacts, IdempotentCreates idempotency, ObjectMapper json) {
        this.contacts = contacts;
        this.idempotency = idempotency;
        this.json = json;
    }

    @GetMapping
    ContactJson.Page list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String sort,
            @RequestParam(required = false) UUID ownerId, @RequestParam(required = false) UUID companyId,
            @RequestParam(defaultValue = "false") boolean includeArchived) {
        Slice<ContactSummary> page = contacts.list(new ContactFilter(q, ownerId, companyId, includeArchived), sort,
                cursor, limit);
        return new ContactJson.Page(page.items().stream().map(ContactJson.Item::of).toList(), page.nextCursor());
    }

    @GetMapping("/{id}")
    ResponseEntity<ContactJson.Resource> get(@PathVariable UUID id) {
        return ok(contacts.get(id));
    }

    @PostMapping
    ResponseEntity<ContactJson.Resource> create(@RequestBody ContactJson.Input input,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        IdempotentCreates.Outcome outcome = idempotency.create(CurrentUser.require().id(), idempotencyKey,
                json.writeValueAsString(input), () -> contacts.create(input.toDraft()).id());
        ContactDetails contact = contacts.get(outcome.id());
        return ApiResponses.created("/api/v1/contacts/" + contact.id(), contact.version(), ContactJson.Resource.of(contact));
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<ContactJson.Resource> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ContactDetails current = contacts.get(id);
        long expected = ETags.expectedVersion(ifMatch, current.version(), ContactService.RECORD_TYPE, id);
        ContactJson.Input merged = JsonMergePatch.apply(json, ContactJson.Input.of(current), patch,
                ContactJson.Input.class);
        return ok(contacts.update(id, merged.toDraft(), expected));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> archive(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ContactDetails current = contacts.get(id);
        contacts.archive(id, ETags.expectedVersion(ifMatch, current.version(), ContactService.RECORD_TYPE, id));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/by-external-id/{source}/{externalId}")
    ResponseEntity<ContactJson.Resource> upsert(@PathVariable String source, @PathVariable String externalId,
            @RequestBody ContactJson.Input input) {
        ExternalIds.check(source, externalId);
        ContactService.Upserted result = contacts.upsertByExternalId(source, externalId, input.toDraft());
        ContactDetails contact = result.contact();
        return ApiResponses.upserted(result.created(), "/api/v1/contacts/" + contact.id(), contact.version(),
                ContactJson.Resource.of(contact));
    }

    private static ResponseEntity<ContactJson.Resource> ok(ContactDetails contact) {
        return ApiResponses.ok(contact.version(), ContactJson.Resource.of(contact));
    }
}
