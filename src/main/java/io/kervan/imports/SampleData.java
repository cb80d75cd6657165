package io.kervan.imports;

import io.kervan.companies.CompanyFilter;
import io.kervan.companies.CompanyService;
import io.kervan.deals.PipelineDraft;
import io.kervan.deals.PipelineService;
import io.kervan.identity.CurrentUser;
import io.kervan.identity.Role;
import io.kervan.identity.TeamService;
import io.kervan.identity.TeamView;
import io.kervan.identity.UserService;
import io.kervan.identity.UserView;
import io.kervan.imports.reading.CsvTableReader;
import io.kervan.imports.reading.ReadLimits;
import io.kervan.imports.reading.TableRow;
import io.kervan.shared.Ids;
import io.kervan.shared.TurkishText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the public CRM sample (resources {@code sample-data/}, unedited) through the import feature
 * itself: sales agents and managers become users (who cannot sign in until an admin sets a password) in
 * one team per manager, then accounts, products and the 8,800 opportunities are imported as companies,
 * products and deals of a "Sales" pipeline. The files' quirks are handled by the mappings: the product
 * {@code GTXPro} is mapped to {@code GTX Pro}, the sector {@code technolgy} to {@code technology},
 * revenue in millions is multiplied out, open deals without an account or close date simply have none,
 * and lost deals (the file gives no reason) are lost for the reason "Other".
 */
@Service
public class SampleData {

    static final String PIPELINE = "Sales";
    static final String EMAIL_DOMAIN = "sample.kervan.example";

    private final UserService users;
    private final TeamService teams;
    private final PipelineService pipelines;
    private final CompanyService companies;
    private final ImportJobRepository jobs;
    private final ImportRunner runner;
    private final TransactionTemplate transaction;

    SampleData(UserService users, TeamService teams, PipelineService pipelines, CompanyService companies,
            ImportJobRepository jobs, ImportRunner runner,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.users = users;
        this.teams = teams;
        this.pipelines = pipelines;
        this.companies = companies;
        this.jobs = jobs;
        this.runner = runner;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Whether the signed-in user is an admin looking at an installation without companies yet. */
    public boolean offered() {
        return CurrentUser.get().filter(CurrentUser::isAdmin).isPresent()
                && companies.list(new CompanyFilter(null, null, true), null, null, 1).items().isEmpty();
    }

    /**
     * Loads everything as the signed-in user (an admin); returns the import jobs in the order run.
     * Users that exist already (same e-mail) are reused, so a second load only adds what the imports add.
     */
    public List<ImportJob> load() {
        CurrentUser admin = CurrentUser.require();
        createUsersAndTeams();
        createPipeline();
        List<ImportJob> done = new ArrayList<>();
        done.add(importFile(admin, "accounts.csv", new ImportMapping("companies", "upsert", "name", "UTF-8", ",", null,
                columns("account", "name", "sector", "sector", "revenue", "annualRevenue", "office_location", "country"),
                Map.of("sector", Map.of("technolgy", "technology")), null, false, false,
                Map.of("revenueCurrency", "USD"), Map.of("annualRevenue", BigDecimal.valueOf(1_000_000)))));
        done.add(importFile(admin, "products.csv", new ImportMapping("products", "upsert", "code", "UTF-8", ",", null,
                columns("product", "name", "series", "description", "sales_price", "unitPrice"), Map.of(), null, false,
                false, Map.of("currency", "USD"), Map.of())));
        done.add(importFile(admin, "sales_pipeline.csv", new ImportMapping("deals", "create", null, "UTF-8", ",", null,
                columns("opportunity_id", "reference", "sales_agent", "owner", "product", "product", "account",
                        "company", "deal_stage", "stage", "engage_date", "engageDate", "close_date", "closeDate",
                        "close_value", "value"),
                Map.of("product", Map.of("GTXPro", "GTX Pro")), "yyyy-MM-dd", false, false,
                Map.of("pipeline", PIPELINE, "currency", "USD", "lostReason", "Other"), Map.of())));
        return done;
    }

    private static Map<String, String> columns(String... pairs) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            columns.put(pairs[i], pairs[i + 1]);
        }
        return columns;
    }

    private ImportJob importFile(CurrentUser admin, String file, ImportMapping mapping) {
        UUID id = Ids.newId();
        transaction.executeWithoutResult(status -> {
            jobs.insert(id, admin.id(), file, "csv", mapping, ImportStatus.QUEUED);
            try (InputStream in = resource(file)) {
                jobs.storeFile(id, in, Long.MAX_VALUE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        runner.run(id);
        return jobs.find(id).orElseThrow();
    }

    /** One user per agent and manager, one team per manager (named after the regional office and the manager). */
    private void createUsersAndTeams() {
        Map<String, String> officeOf = new LinkedHashMap<>();
        Map<String, String> managerOf = new LinkedHashMap<>();
        try (CsvTableReader reader = CsvTableReader.open(resource("sales_teams.csv"), StandardCharsets.UTF_8, ',',
                ReadLimits.DEFAULT)) {
            TableRow row;
            while ((row = reader.next()) != null) {
                managerOf.put(row.cell(0), row.cell(1));
                officeOf.put(row.cell(1), row.cell(2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, UUID> teamOfManager = new LinkedHashMap<>();
        for (Map.Entry<String, String> manager : officeOf.entrySet()) {
            UserView user = user(manager.getKey(), Role.MANAGER, null);
            String teamName = manager.getValue() + " – " + manager.getKey();
            UUID team = teams.list().stream().filter(t -> t.name().equals(teamName)).map(TeamView::id).findFirst()
                    .orElseGet(() -> teams.create(teamName, user.id()).id());
            teamOfManager.put(manager.getKey(), team);
        }
        managerOf.forEach((agent, manager) -> user(agent, Role.SALES_REP, teamOfManager.get(manager)));
    }

    private UserView user(String fullName, Role role, UUID teamId) {
        String email = TurkishText.fold(fullName).replaceAll("[^a-z0-9]+", ".") + "@" + EMAIL_DOMAIN;
        return users.findByEmail(email).orElseGet(() -> {
            int space = fullName.lastIndexOf(' ');
            return users.createWithoutLogin(email, fullName.substring(0, space), fullName.substring(space + 1), role,
                    teamId);
        });
    }

    private void createPipeline() {
        boolean exists = pipelines.list(true).stream().anyMatch(p -> p.name().equals(PIPELINE));
        if (!exists) {
            pipelines.create(new PipelineDraft(PIPELINE, "Satış", List.of(
                    new PipelineDraft.StageDraft(null, "Prospecting", "Araştırma", 20, null, List.of(), false, false),
                    new PipelineDraft.StageDraft(null, "Engaging", "Görüşme", 60, null, List.of(), false, false))));
        }
    }

    static InputStream resource(String file) throws IOException {
        return new ClassPathResource("sample-data/" + file).getInputStream();
    }
}
