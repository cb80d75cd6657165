package io.kervan.bench.data;

import io.kervan.contacts.BenchContactColumns;
import io.kervan.contacts.ContactDraft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Contacts with Turkish or English names, one or two e-mails and phones, usually a primary company,
 * and about {@code duplicateRate} planted near-duplicates of earlier contacts (see {@link Duplicates})
 * whose ground truth goes to {@code duplicates.csv}. Every draft passes through the contacts module's
 * normalisation, so a reformatted phone is stored in E.164 exactly as the app would store it.
 */
final class Contacts implements DataPart {

    private static final String COLUMNS = "id, first_name, last_name, title, address_line, city, country, tags, "
            + "owner_id, visible_to_team, search_text, sort_name, first_email, first_phone, primary_company_id, "
            + "created_at, updated_at, created_by, updated_by, version";
    private static final List<String> FREE_MAIL = List.of("gmail.com", "hotmail.com", "yandex.com.tr", "outlook.com");

    /** What a duplicate is made from: the raw (pre-normalisation) fields of an earlier contact. */
    record Seed(UUID id, String firstName, String lastName, List<String> emails, List<String> phones,
            int companyIndex, String title, String city, String country) {
    }

    @Override
    public String name() {
        return "contacts";
    }

    @Override
    public List<String> tables() {
        return List.of("contacts", "contact_emails", "contact_phones", "contact_companies");
    }

    @Override
    public void write(GenerationContext context) throws Exception {
        int count = context.settings.contacts();
        Random random = context.random;
        context.contactIds = new UUID[count];
        context.contactCompany = new int[count];
        CopyBuffer contacts = new CopyBuffer("contacts", COLUMNS);
        CopyBuffer emails = new CopyBuffer("contact_emails", "contact_id, position, email");
        CopyBuffer phones = new CopyBuffer("contact_phones", "contact_id, position, phone");
        CopyBuffer links = new CopyBuffer("contact_companies",
                "contact_id, company_id, position, role, is_primary, company_name");
        Duplicates duplicates = new Duplicates(random);
        // Only fresh contacts are copied: a duplicate of a duplicate would blur the ground truth.
        Seed[] recent = new Seed[1024];
        int fresh = 0;
        for (int i = 0; i < count; i++) {
            Instant created = context.pastInstant();
            UUID id = context.ids.at(created);
            Seed original = fresh > 100 ? recent[random.nextInt(Math.min(fresh, recent.length))] : null;
            Seed seed;
            Duplicates.Planted planted = null;
            if (original != null && random.nextDouble() < context.settings.duplicateRate()) {
                planted = duplicates.plant(id, original);
                seed = planted.seed();
            } else {
                seed = fresh(context, id);
                recent[fresh++ % recent.length] = seed;
            }
            GenerationContext.User owner = context.randomOwner();
            List<ContactDraft.CompanyLink> companyLinks = seed.companyIndex() < 0 ? List.of()
                    : List.of(new ContactDraft.CompanyLink(context.companyIds[seed.companyIndex()], seed.title(), true));
            List<String> tags = random.nextInt(6) == 0 ? List.of(NamePools.pick(random, NamePools.TAGS)) : List.of();
            ContactDraft draft = BenchContactColumns.normalize(new ContactDraft(seed.firstName(), seed.lastName(),
                    seed.title(), seed.emails(), seed.phones(), companyLinks, null, seed.city(), seed.country(), tags,
                    null, owner.id(), random.nextInt(10) != 0));
            List<String> companyNames = seed.companyIndex() < 0 ? List.of()
                    : List.of(context.companyNames[seed.companyIndex()]);
            Instant updated = created.plusSeconds(random.nextInt(60 * 86_400));
            contacts.add(id).add(draft.firstName()).add(draft.lastName()).add(draft.title()).add(null)
                    .add(draft.city()).add(draft.country()).add(draft.tags()).add(owner.id())
                    .add(draft.visibleToTeam()).add(BenchContactColumns.searchText(draft, companyNames))
                    .add(BenchContactColumns.sortName(draft));
            for (Object listColumn : BenchContactColumns.listColumns(draft)) {
                contacts.add(listColumn);
            }
            contacts.add(created)
                    .add(updated.isAfter(context.reference) ? created : updated).add(owner.id()).add(owner.id()).add(0)
                    .endRow();
            for (int e = 0; e < draft.emails().size(); e++) {
                emails.add(id).add(e).add(draft.emails().get(e)).endRow();
            }
            for (int p = 0; p < draft.phones().size(); p++) {
                phones.add(id).add(p).add(draft.phones().get(p)).endRow();
            }
            if (!companyLinks.isEmpty()) {
                links.add(id).add(companyLinks.get(0).companyId()).add(0).add(draft.companies().get(0).role())
                        .add(true).add(companyNames.get(0)).endRow();
            }
            if (planted != null) {
                context.recordDuplicate(id, original.id(), planted.kind(), planted.detail());
            }
            context.contactIds[i] = id;
            context.contactCompany[i] = seed.companyIndex();
            context.maybeSample("contact", id, owner.id(), count, 2_000);
            if (contacts.pendingChars() > GenerationContext.FLUSH_CHARS) {
                flush(context, contacts, emails, phones, links);
            }
        }
        flush(context, contacts, emails, phones, links);
    }

    private static void flush(GenerationContext context, CopyBuffer... parentFirst) throws Exception {
        for (CopyBuffer buffer : parentFirst) {
            buffer.flush(context.connection);
        }
    }

    private static Seed fresh(GenerationContext context, UUID id) {
        Random random = context.random;
        boolean hasCompany = context.companyIds.length > 0 && random.nextInt(100) < 85;
        int companyIndex = hasCompany ? random.nextInt(context.companyIds.length) : -1;
        NamePools.Country country = hasCompany ? countryOf(context.companyNames[companyIndex])
                : Companies.country(random);
        boolean turkish = country == NamePools.Country.TR || random.nextInt(10) == 0;
        String first = NamePools.pick(random, turkish ? NamePools.TURKISH_FIRST : NamePools.ENGLISH_FIRST);
        String last = NamePools.pick(random, turkish ? NamePools.TURKISH_LAST : NamePools.ENGLISH_LAST);
        List<String> emails = new ArrayList<>();
        String local = NamePools.ascii(first) + "." + NamePools.ascii(last);
        // A serial number keeps most addresses unique, as they are in a real CRM: digits, as people add them. Until
        // session 20 it was written in base 36, which glued random letters to the names ("yilmazjtr") and made up
        // thousands of distinct words per last name that no real address book holds.
        String serial = Integer.toString(random.nextInt(100_000));
        emails.add(hasCompany && random.nextBoolean()
                ? local + serial + "@" + domainOf(context, companyIndex)
                : local + serial + "@" + NamePools.pick(random, FREE_MAIL));
        if (random.nextInt(4) == 0) {
            emails.add(NamePools.ascii(first).charAt(0) + NamePools.ascii(last) + serial + "@"
                    + NamePools.pick(random, FREE_MAIL));
        }
        List<String> phones = new ArrayList<>();
        phones.add(country.phone(random));
        if (random.nextInt(5) == 0) {
            phones.add(country.phone(random));
        }
        return new Seed(id, first, last, emails, phones, companyIndex,
                random.nextInt(3) == 0 ? null : NamePools.pick(random, NamePools.TITLES),
                NamePools.pick(random, country.cities), country.label);
    }

    private static String domainOf(GenerationContext context, int companyIndex) {
        return "mail" + companyIndex + (countryOf(context.companyNames[companyIndex]) == NamePools.Country.TR
                ? ".com.tr" : ".com");
    }

    private static NamePools.Country countryOf(String companyName) {
        for (NamePools.Country country : NamePools.Country.values()) {
            for (String suffix : country.suffixes) {
                if (companyName.endsWith(suffix)) {
                    return country;
                }
            }
        }
        return NamePools.Country.TR;
    }
}
