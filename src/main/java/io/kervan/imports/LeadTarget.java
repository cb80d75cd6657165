package io.kervan.imports;

import static io.kervan.imports.ImportField.text;
import static io.kervan.imports.RowValues.or;

import io.kervan.leads.LeadDetails;
import io.kervan.leads.LeadDraft;
import io.kervan.leads.LeadImports;
import io.kervan.leads.LeadService;
import io.kervan.shared.imports.BatchResult;
import io.kervan.shared.imports.ImportMatch;
import io.kervan.shared.imports.ImportRemoval;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Imports leads through {@link LeadService}, or in batches through {@link LeadImports#importBatch}; source and status
 * are keys ({@code web_form}, {@code qualified}).
 */
@Component
class LeadTarget implements BatchImportTarget<LeadDraft> {

    private static final List<ImportField> FIELDS = List.of(
            text("firstName", "first name", "firstname", "name", "ad", "adi", "isim"),
            text("lastName", "last name", "lastname", "surname", "soyad", "soyadi", "soyisim"),
            text("companyName", "company", "company name", "account", "firma", "sirket", "firma/sirket", "kurum"),
            text("title", "title", "job title", "position", "unvan", "gorev"),
            text("email", "email", "e-mail", "mail", "e-posta", "eposta"),
            text("phone", "phone", "telephone", "mobile", "tel", "telefon", "cep", "gsm"),
            text("source", "source", "lead source", "kaynak"),
            text("status", "status", "durum"),
            text("notes", "notes", "note", "notlar", "not", "aciklama"),
            text("owner", "owner", "sahibi", "sorumlu", "temsilci"),
            text("externalId", "id", "external id", "key", "kod", "harici id"));

    private final LeadService leads;
    private final LeadImports imports;

    LeadTarget(LeadService leads, LeadImports imports) {
        this.leads = leads;
        this.imports = imports;
    }

    @Override
    public String recordType() {
        return "leads";
    }

    @Override
    public List<ImportField> fields() {
        return FIELDS;
    }

    @Override
    public List<String> matchKeys() {
        return LeadImports.MATCH_KEYS;
    }

    @Override
    public Class<LeadDraft> draftType() {
        return LeadDraft.class;
    }

    @Override
    public String normalizedKey(String key, String value) {
        return PersonKeys.normalizedKey(key, value);
    }

    @Override
    public List<ImportMatch> find(String key, String value) {
        return imports.findForImport(key, value);
    }

    @Override
    public LeadDraft load(UUID id) {
        return leads.get(id).toDraft();
    }

    @Override
    public Map<String, List<ImportMatch>> findAll(String key, Collection<String> values) {
        return imports.findAllForImport(key, values);
    }

    @Override
    public Map<UUID, LeadDraft> loadAll(Collection<UUID> ids) {
        return imports.loadForImport(ids);
    }

    @Override
    public List<BatchResult> writeAll(List<Write<LeadDraft>> writes) {
        return imports.importBatch(writes.stream()
                .map(w -> new LeadImports.BatchItem(w.draft(), w.existing(), w.externalId())).toList());
    }

    @Override
    public LeadDraft draft(RowValues v, LeadDraft s, ImportContext context) {
        LeadDraft stored = s != null ? s : new LeadDraft(null, null, null, null, null, null, null, null, null, null,
                null, null);
        return new LeadDraft(or(v.text("firstName"), stored.firstName()), or(v.text("lastName"), stored.lastName()),
                or(v.text("companyName"), stored.companyName()), or(v.text("title"), stored.title()),
                or(v.text("email"), stored.email()), or(v.text("phone"), stored.phone()),
                or(key(v.text("source")), stored.source()), or(key(v.text("status")), stored.status()),
                stored.disqualifiedReason(), or(v.text("notes"), stored.notes()),
                or(Owners.owner(v, context), stored.ownerId()), stored.visibleToTeam());
    }

    private static String key(String text) {
        return text == null ? null : text.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    @Override
    public ImportMatch create(LeadDraft draft, String externalId) {
        LeadDetails created = externalId == null ? leads.create(draft)
                : leads.create(draft, LeadImports.EXTERNAL_SOURCE, externalId);
        return new ImportMatch(created.id(), created.version());
    }

    @Override
    public ImportMatch update(UUID id, LeadDraft draft, long expectedVersion) {
        LeadDetails updated = leads.update(id, draft, expectedVersion);
        return new ImportMatch(updated.id(), updated.version());
    }

    @Override
    public boolean delete(UUID id, long expectedVersion) {
        return imports.deleteImported(id, expectedVersion);
    }

    @Override
    public boolean removesInBulk() {
        return true;
    }

    @Override
    public Map<UUID, ImportRemoval> deleteAll(Collection<ImportMatch> records) {
        return imports.deleteAllImported(records);
    }
}
