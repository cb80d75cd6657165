package io.kervan.imports;

import static io.kervan.imports.ImportField.Kind.DECIMAL;
import static io.kervan.imports.ImportField.Kind.LIST;
import static io.kervan.imports.ImportField.text;
import static io.kervan.imports.RowValues.or;

import io.kervan.companies.CompanyDetails;
import io.kervan.companies.CompanyDraft;
import io.kervan.companies.CompanyImports;
import io.kervan.companies.CompanyService;
import io.kervan.companies.SizeBand;
import io.kervan.shared.EmailAddresses;
import io.kervan.shared.PhoneNumbers;
import io.kervan.shared.TurkishText;
import io.kervan.shared.imports.BatchResult;
import io.kervan.shared.imports.ImportMatch;
import io.kervan.shared.imports.ImportRemoval;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Imports companies through {@link CompanyService}, or in batches through {@link CompanyImports#importBatch}. */
@Component
class CompanyTarget implements BatchImportTarget<CompanyDraft> {

    private static final List<ImportField> FIELDS = List.of(
            text("name", "name", "company", "company name", "account", "firma", "firma adi", "sirket", "sirket adi",
                    "unvan", "firma/sirket").mandatory(),
            text("sector", "sector", "industry", "sektor", "endustri"),
            text("sizeBand", "size", "size band", "buyukluk", "olcek"),
            ImportField.of("annualRevenue", DECIMAL, "revenue", "annual revenue", "ciro", "yillik ciro"),
            text("revenueCurrency", "currency", "revenue currency", "para birimi", "doviz"),
            text("website", "website", "web", "web site", "url", "web sitesi"),
            text("email", "email", "e-mail", "e-posta", "eposta", "mail"),
            text("phone", "phone", "telephone", "tel", "telefon"),
            text("addressLine", "address", "adres"),
            text("city", "city", "sehir", "il"),
            text("country", "country", "ulke", "office location"),
            text("taxNumber", "tax number", "tax no", "vat", "vkn", "vergi no", "vergi numarasi"),
            ImportField.of("tags", LIST, "tags", "etiketler", "etiket"),
            text("notes", "notes", "note", "notlar", "not", "aciklama"),
            text("owner", "owner", "sales agent", "sahibi", "sorumlu", "temsilci"),
            text("externalId", "id", "external id", "key", "kod", "harici id"));

    private final CompanyService companies;
    private final CompanyImports imports;

    CompanyTarget(CompanyService companies, CompanyImports imports) {
        this.companies = companies;
        this.imports = imports;
    }

    @Override
    public String recordType() {
        return "companies";
    }

    @Override
    public List<ImportField> fields() {
        return FIELDS;
    }

    @Override
    public List<String> matchKeys() {
        return CompanyImports.MATCH_KEYS;
    }

    @Override
    public Class<CompanyDraft> draftType() {
        return CompanyDraft.class;
    }

    @Override
    public String normalizedKey(String key, String value) {
        return switch (key) {
            case "email" -> EmailAddresses.normalize(value).orElse(value);
            case "phone" -> PhoneNumbers.toE164(value).orElse(value);
            case "name" -> TurkishText.sortKey(value.strip());
            case "taxNumber" -> value.replaceAll("[\\s-]", "");
            default -> value.strip();
        };
    }

    @Override
    public List<ImportMatch> find(String key, String value) {
        return imports.findForImport(key, value);
    }

    @Override
    public Map<String, List<ImportMatch>> findAll(String key, Collection<String> values) {
        return imports.findAllForImport(key, values);
    }

    @Override
    public CompanyDraft load(UUID id) {
        return companies.get(id).toDraft();
    }

    @Override
    public Map<UUID, CompanyDraft> loadAll(Collection<UUID> ids) {
        return imports.loadForImport(ids);
    }

    @Override
    public List<BatchResult> writeAll(List<Write<CompanyDraft>> writes) {
        return imports.importBatch(writes.stream()
                .map(w -> new CompanyImports.BatchItem(w.draft(), w.existing(), w.externalId())).toList());
    }

    @Override
    public CompanyDraft draft(RowValues v, CompanyDraft s, ImportContext context) {
        CompanyDraft stored = s != null ? s : new CompanyDraft(null, null, null, null, null, null, null, null, null,
                null, null, null, List.of(), null, null, null);
        SizeBand size = sizeBand(v);
        UUID owner = Owners.owner(v, context);
        return new CompanyDraft(or(v.text("name"), stored.name()), or(v.text("sector"), stored.sector()),
                or(size, stored.sizeBand()), or(v.decimal("annualRevenue"), stored.annualRevenue()),
                or(upper(v.text("revenueCurrency")), stored.revenueCurrency()), or(v.text("website"), stored.website()),
                or(v.text("email"), stored.email()), or(v.text("phone"), stored.phone()),
                or(v.text("addressLine"), stored.addressLine()), or(v.text("city"), stored.city()),
                or(v.text("country"), stored.country()), or(v.text("taxNumber"), stored.taxNumber()),
                or(v.list("tags"), stored.tags()), or(v.text("notes"), stored.notes()), or(owner, stored.ownerId()),
                stored.visibleToTeam());
    }

    private static SizeBand sizeBand(RowValues v) {
        String text = v.text("sizeBand");
        if (text == null) {
            return null;
        }
        try {
            return SizeBand.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.problem("sizeBand", text, "import.value.sizeBand");
            return null;
        }
    }

    static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    @Override
    public ImportMatch create(CompanyDraft draft, String externalId) {
        CompanyDetails created = externalId == null ? companies.create(draft)
                : companies.create(draft, CompanyImports.EXTERNAL_SOURCE, externalId);
        return new ImportMatch(created.id(), created.version());
    }

    @Override
    public ImportMatch update(UUID id, CompanyDraft draft, long expectedVersion) {
        CompanyDetails updated = companies.update(id, draft, expectedVersion);
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
