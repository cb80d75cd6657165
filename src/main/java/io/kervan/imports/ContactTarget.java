package io.kervan.imports;

import static io.kervan.imports.ImportField.Kind.LIST;
import static io.kervan.imports.ImportField.text;
import static io.kervan.imports.RowValues.or;

import io.kervan.contacts.ContactDetails;
import io.kervan.contacts.ContactDraft;
import io.kervan.contacts.ContactImports;
import io.kervan.contacts.ContactService;
import io.kervan.shared.imports.BatchResult;
import io.kervan.shared.imports.ImportMatch;
import io.kervan.shared.imports.ImportRemoval;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * Imports contacts through {@link ContactService}, or in batches through {@link ContactImports#importBatch}
 * (the bulk path, same rules). A row's e-mail and phone become the contact's first
 * (or are added to an updated contact's); its company, named by external id, tax number or name, must
 * exist (import companies first) and becomes the primary link.
 */
@Component
class ContactTarget implements BatchImportTarget<ContactDraft> {

    private static final List<ImportField> FIELDS = List.of(
            text("firstName", "first name", "firstname", "given name", "name", "ad", "adi", "isim").mandatory()
                    .orInstead("fullName"),
            text("lastName", "last name", "lastname", "surname", "family name", "soyad", "soyadi", "soyisim"),
            text("fullName", "full name", "contact", "contact name", "ad soyad", "adi soyadi", "isim soyisim"),
            text("title", "title", "job title", "position", "unvani", "gorev", "pozisyon"),
            text("email", "email", "e-mail", "mail", "email address", "e-posta", "eposta", "e-posta adresi"),
            text("email2", "email 2", "second email", "e-posta 2", "ikinci e-posta"),
            text("phone", "phone", "telephone", "mobile", "tel", "telefon", "cep", "cep telefonu", "gsm"),
            text("phone2", "phone 2", "second phone", "telefon 2", "is telefonu"),
            text("company", "company", "account", "organization", "firma", "sirket", "firma/sirket", "kurum"),
            text("companyRole", "role", "company role", "firmadaki rolu", "rol"),
            text("addressLine", "address", "adres"),
            text("city", "city", "sehir", "il"),
            text("country", "country", "ulke"),
            ImportField.of("tags", LIST, "tags", "etiketler", "etiket"),
            text("notes", "notes", "note", "notlar", "not", "aciklama"),
            text("owner", "owner", "sales agent", "sahibi", "sorumlu", "temsilci"),
            text("externalId", "id", "external id", "key", "kod", "harici id"));

    private final ContactService contacts;
    private final ContactImports imports;

    ContactTarget(ContactService contacts, ContactImports imports) {
        this.contacts = contacts;
        this.imports = imports;
    }

    @Override
    public String recordType() {
        return "contacts";
    }

    @Override
    public List<ImportField> fields() {
        return FIELDS;
    }

    @Override
    public List<String> matchKeys() {
        return ContactImports.MATCH_KEYS;
    }

    @Override
    public Class<ContactDraft> draftType() {
        return ContactDraft.class;
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
    public ContactDraft load(UUID id) {
        return contacts.get(id).toDraft();
    }

    @Override
    public ContactDraft draft(RowValues v, ContactDraft s, ImportContext context) {
        ContactDraft stored = s != null ? s : new ContactDraft(null, null, null, List.of(), List.of(), List.of(), null,
                null, null, List.of(), null, null, null);
        String first = v.text("firstName");
        String last = v.text("lastName");
        String full = v.text("fullName");
        if (first == null && full != null) {
            int space = full.strip().lastIndexOf(' ');
            first = space < 0 ? full.strip() : full.strip().substring(0, space);
            last = last != null || space < 0 ? last : full.strip().substring(space + 1);
        }
        return new ContactDraft(or(first, stored.firstName()), or(last, stored.lastName()),
                or(v.text("title"), stored.title()), merged(stored.emails(), PersonKeys::email, v.text("email"), v.text("email2")),
                merged(stored.phones(), PersonKeys::phone, v.text("phone"), v.text("phone2")), companies(v, stored, context),
                or(v.text("addressLine"), stored.addressLine()), or(v.text("city"), stored.city()),
                or(v.text("country"), stored.country()), or(v.list("tags"), stored.tags()),
                or(v.text("notes"), stored.notes()), or(Owners.owner(v, context), stored.ownerId()),
                stored.visibleToTeam());
    }

    /**
     * The row's values first (normalised where they are valid, so that a row repeating the stored contact
     * leaves its draft unchanged), then the stored ones it does not repeat.
     */
    private static List<String> merged(List<String> stored, UnaryOperator<String> normalize, String first,
            String second) {
        List<String> values = new ArrayList<>();
        for (String value : new String[] {first, second}) {
            if (value != null && !values.contains(normalize.apply(value))) {
                values.add(normalize.apply(value));
            }
        }
        stored.stream().filter(v -> !values.contains(v)).forEach(values::add);
        return values;
    }

    private static List<ContactDraft.CompanyLink> companies(RowValues v, ContactDraft stored, ImportContext context) {
        String company = v.text("company");
        if (company == null) {
            return stored.companies();
        }
        UUID companyId = context.company(company).orElse(null);
        if (companyId == null) {
            v.problem("company", company, "import.value.company");
            return stored.companies();
        }
        List<ContactDraft.CompanyLink> links = new ArrayList<>();
        links.add(new ContactDraft.CompanyLink(companyId, v.text("companyRole"), true));
        stored.companies().stream().filter(l -> !l.companyId().equals(companyId))
                .map(l -> new ContactDraft.CompanyLink(l.companyId(), l.role(), false)).forEach(links::add);
        return links;
    }

    @Override
    public ImportMatch create(ContactDraft draft, String externalId) {
        ContactDetails created = externalId == null ? contacts.create(draft)
                : contacts.create(draft, ContactImports.EXTERNAL_SOURCE, externalId);
        return new ImportMatch(created.id(), created.version());
    }

    @Override
    public ImportMatch update(UUID id, ContactDraft draft, long expectedVersion) {
        ContactDetails updated = contacts.update(id, draft, expectedVersion);
        return new ImportMatch(updated.id(), updated.version());
    }

    @Override
    public Map<String, List<ImportMatch>> findAll(String key, Collection<String> values) {
        return imports.findAllForImport(key, values);
    }

    @Override
    public Map<UUID, ContactDraft> loadAll(Collection<UUID> ids) {
        return imports.loadForImport(ids);
    }

    @Override
    public List<BatchResult> writeAll(List<Write<ContactDraft>> writes) {
        return imports.importBatch(writes.stream()
                .map(w -> new ContactImports.BatchItem(w.draft(), w.existing(), w.externalId())).toList());
    }

    @Override
    public boolean writesConcurrently() {
        return true;
    }

    @Override
    public Set<String> identities(Write<ContactDraft> write) {
        Set<String> identities = new HashSet<>();
        write.draft().emails().forEach(e -> identities.add("email:" + normalizedKey("email", e)));
        write.draft().phones().forEach(p -> identities.add("phone:" + normalizedKey("phone", p)));
        if (write.externalId() != null) {
            identities.add("externalId:" + normalizedKey("externalId", write.externalId()));
        }
        return identities;
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
