package io.kervan.contacts;

import io.kervan.identity.CurrentUser;
import io.kervan.shared.Slice;
import io.kervan.shared.api.ApiResponses;
import io.kervan.shared.api.ETags;
import io.kervan.shared.api.ExternalIds;
import io.kervan.shared.api.IdempotentCreates;
import io.kervan.shared.api.JsonMergePatch;
import io.kervan.shared.export.ExportColumn;
import io.kervan.shared.export.ExportFormat;
import io.kervan.shared.export.ListExports;
import io.kervan.shared.export.RowSource;
import io.kervan.shared.export.VCards;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
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

/** {@code /api/v1/contacts}: list, get, create, merge-patch, archive, upsert by external id. */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactApiController {

    private final ContactService contacts;
    private final IdempotentCreates idempotency;
    private final ObjectMapper json;
    private final ListExports exports;
    private final ContactExports exportRows;

    /** The columns of a contact export, shared with the contact pages' export buttons. */
    static final List<ExportColumn<ContactSummary>> EXPORT_COLUMNS = List.of(
            ExportColumn.of("contact.firstName", ContactSummary::firstName),
            ExportColumn.of("contact.lastName", ContactSummary::lastName),
            ExportColumn.of("contact.title", ContactSummary::title),
            ExportColumn.of("contact.email", ContactSummary::email),
            ExportColumn.of("contact.phone", ContactSummary::phone),
            ExportColumn.of("contact.company", ContactSummary::companyName),
            ExportColumn.of("contact.export.archived", c -> c.archived() ? "✓" : ""),
            ExportColumn.of("contact.export.updatedAt", c -> c.updatedAt() == null ? null : c.updatedAt().toString()),
            ExportColumn.of("contact.export.id", c -> c.id().toString()));

    /** CSV, XLSX and vCard 4.0. */
    static final java.util.Set<ExportFormat> EXPORT_FORMATS = EnumSet.of(ExportFormat.CSV, ExportFormat.XLSX,
            ExportFormat.VCF);

    ContactApiController(ContactService contacts, IdempotentCreates idempotency, ObjectMapper json,
            ListExports exports, ContactExports exportRows) {
        this.contacts = contacts;
        this.idempotency = idempotency;
        this.json = json;
        this.exports = exports;
        this.exportRows = exportRows;
    }

    /** The visible contacts matching the list filters as a CSV, XLSX or vCard file, streamed row by row. */
    @GetMapping("/export")
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) UUID companyId,
            @RequestParam(defaultValue = "false") boolean includeArchived, HttpServletResponse response)
            throws IOException {
        export(exportRows, exports, ExportFormat.parse(format, EXPORT_FORMATS),
                new ContactFilter(q, ownerId, companyId, includeArchived), sort, response);
    }

    static void export(ContactExports exportRows, ListExports exports, ExportFormat format, ContactFilter filter,
            String sort, HttpServletResponse response) throws IOException {
        String filters = ListExports.filters("q", filter.query(), "ownerId", filter.ownerId(), "companyId",
                filter.companyId(), "includeArchived", filter.includeArchived(), "sort", sort);
        ListExports.Request request = new ListExports.Request(ContactService.RECORD_TYPE, "contacts", format,
                filters, CurrentUser.require().id());
        RowSource<ContactSummary> rows = exportRows.rows(filter, sort);
        if (format == ExportFormat.VCF) {
            exports.streamedRecords(response, request, rows, (contact, out) -> vCard(contact).writeTo(out));
        } else {
            exports.streamedTable(response, request, EXPORT_COLUMNS, rows);
        }
    }

    /** One contact as a vCard 4.0. */
    static VCards.Card vCard(ContactSummary contact) {
        VCards.Card card = VCards.card()
                .raw("FN", VCards.escape(contact.displayName()))
                .raw("N", VCards.escape(contact.lastName()) + ";" + VCards.escape(contact.firstName()) + ";;;")
                .text("EMAIL", contact.email());
        if (contact.phone() != null && !contact.phone().isBlank()) {
            card.raw("TEL;VALUE=uri", "tel:" + contact.phone().replaceAll("[^+0-9]", ""));
        }
        return card.text("ORG", contact.companyName()).text("TITLE", contact.title())
                .raw("UID", "urn:uuid:" + contact.id());
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
        ContactDetails contact = idempotency.create(CurrentUser.require().id(), idempotencyKey,
                json.writeValueAsString(input), () -> contacts.create(input.toDraft()), ContactDetails::id)
                .orRead(contacts::get);
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
