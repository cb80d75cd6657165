package io.kervan.bench.data;

import io.kervan.companies.BenchCompanyColumns;
import io.kervan.companies.CompanyDraft;
import io.kervan.companies.SizeBand;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Companies with their country's legal suffix ("Anadolu Gıda San. ve Tic. A.Ş.", "Northwind Foods
 * GmbH"), a city, a web site and e-mail on a domain made from the name, an E.164 phone and a VKN.
 * Most are Turkish. Derived columns come from the companies module's own rules.
 */
final class Companies implements DataPart {

    static final String COLUMNS = "id, name, sector, size_band, annual_revenue, revenue_currency, website, email, "
            + "phone, address_line, city, country, tax_number, tags, owner_id, visible_to_team, search_text, "
            + "sort_name, created_at, updated_at, created_by, updated_by, version";

    @Override
    public String name() {
        return "companies";
    }

    @Override
    public List<String> tables() {
        return List.of("companies");
    }

    @Override
    public void write(GenerationContext context) throws Exception {
        int count = context.settings.companies();
        Random random = context.random;
        context.companyIds = new UUID[count];
        context.companyNames = new String[count];
        CopyBuffer rows = new CopyBuffer("companies", COLUMNS);
        for (int i = 0; i < count; i++) {
            NamePools.Country country = country(random);
            String name = name(random, country);
            String domain = NamePools.ascii(name.replaceAll("(A\\.Ş\\.|Ltd\\. Şti\\.|San\\. ve Tic\\.|GmbH.*|AG|"
                    + "Ltd\\.|PLC|LLP|Inc\\.|LLC|Corp\\.)", "")).replace(".", "") + (i % 7 == 0 ? i : "")
                    + (country == NamePools.Country.TR ? ".com.tr" : country == NamePools.Country.DE ? ".de"
                    : country == NamePools.Country.UK ? ".co.uk" : ".com");
            List<String> tags = random.nextInt(5) == 0 ? List.of(NamePools.pick(random, NamePools.TAGS)) : List.of();
            GenerationContext.User owner = context.randomOwner();
            BigDecimal revenue = random.nextInt(3) == 0 ? null : BigDecimal.valueOf(50_000L + random.nextInt(50_000_000));
            CompanyDraft draft = BenchCompanyColumns.normalize(new CompanyDraft(name,
                    NamePools.pick(random, NamePools.SECTORS), SizeBand.values()[random.nextInt(4)], revenue,
                    revenue == null ? null : country == NamePools.Country.TR ? "TRY" : "EUR", "www." + domain,
                    "info@" + domain, country.phone(random),
                    NamePools.pick(random, List.of("Atatürk Cd.", "Cumhuriyet Mh.", "İstiklal Cd.", "High Street",
                            "Hauptstraße", "Main Street")) + " No:" + (1 + random.nextInt(200)),
                    NamePools.pick(random, country.cities), country.label,
                    country == NamePools.Country.TR ? NamePools.digits(random, 10, '1') : null, tags, null, owner.id(),
                    random.nextInt(10) != 0));
            Instant created = context.pastInstant();
            Instant updated = created.plusSeconds(random.nextInt(30 * 86_400));
            UUID id = context.ids.at(created);
            context.companyIds[i] = id;
            context.companyNames[i] = draft.name();
            rows.add(id).add(draft.name()).add(draft.sector()).add(draft.sizeBand().name()).add(draft.annualRevenue())
                    .add(draft.revenueCurrency()).add(draft.website()).add(draft.email()).add(draft.phone())
                    .add(draft.addressLine()).add(draft.city()).add(draft.country()).add(draft.taxNumber())
                    .add(draft.tags()).add(owner.id()).add(draft.visibleToTeam())
                    .add(BenchCompanyColumns.searchText(draft)).add(BenchCompanyColumns.sortName(draft)).add(created)
                    .add(updated.isAfter(context.reference) ? created : updated).add(owner.id()).add(owner.id())
                    .add(0).endRow();
            context.maybeSample("company", id, owner.id(), count, 2_000);
            if (rows.pendingChars() > GenerationContext.FLUSH_CHARS) {
                rows.flush(context.connection);
            }
        }
        rows.flush(context.connection);
    }

    static NamePools.Country country(Random random) {
        int roll = random.nextInt(100);
        return roll < 75 ? NamePools.Country.TR : roll < 85 ? NamePools.Country.DE
                : roll < 93 ? NamePools.Country.UK : NamePools.Country.US;
    }

    private static String name(Random random, NamePools.Country country) {
        List<String> parts = new ArrayList<>();
        if (country == NamePools.Country.TR) {
            if (random.nextBoolean()) {
                parts.add(NamePools.pick(random, NamePools.TURKISH_LAST));
            }
            parts.add(NamePools.pick(random, NamePools.COMPANY_STEMS_TR));
            parts.add(NamePools.pick(random, NamePools.COMPANY_KINDS_TR));
        } else {
            if (random.nextInt(3) == 0) {
                parts.add(NamePools.pick(random, NamePools.ENGLISH_LAST));
            }
            parts.add(NamePools.pick(random, NamePools.COMPANY_STEMS_EN));
            parts.add(NamePools.pick(random, NamePools.COMPANY_KINDS_EN));
        }
        parts.add(NamePools.pick(random, country.suffixes));
        return String.join(" ", parts);
    }
}
