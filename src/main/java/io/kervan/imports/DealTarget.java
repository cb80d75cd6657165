package io.kervan.imports;

import static io.kervan.imports.ImportField.Kind.DATE;
import static io.kervan.imports.ImportField.Kind.DECIMAL;
import static io.kervan.imports.ImportField.text;
import static io.kervan.imports.RowValues.or;

import io.kervan.deals.DealDetails;
import io.kervan.deals.DealDraft;
import io.kervan.deals.DealImports;
import io.kervan.deals.DealService;
import io.kervan.deals.DealStatus;
import io.kervan.deals.PipelineService;
import io.kervan.deals.PipelineView;
import io.kervan.deals.StageView;
import io.kervan.products.ProductService;
import io.kervan.shared.TurkishText;
import io.kervan.shared.imports.BatchResult;
import io.kervan.shared.imports.ImportMatch;
import io.kervan.shared.imports.ImportRemoval;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Imports deals through {@link DealService}: pipeline and stage by name, owner by e-mail or name, company
 * by name or key, product by name, code or alias. A stage named like a closed state ("Won", "Lost",
 * "Kazanıldı", "Kaybedildi") — or a {@code status} column — closes the deal as won or lost from the
 * pipeline's last open stage. Without a title, the deal is called after its product and company.
 * Engage and close dates date the deal as in the file. New deals go in batches ({@link DealImports#importBatch}),
 * already won or lost where the row says so; updates go one at a time through {@link DealService#update}.
 */
@Component
class DealTarget implements BatchImportTarget<DealTarget.DealRow> {

    /** The deal's draft with what the deals module records through other calls than create. */
    record DealRow(DealDraft draft, String status, LocalDate engageDate, LocalDate closeDate, UUID lostReasonId) {
    }

    private static final List<ImportField> FIELDS = List.of(
            text("title", "title", "deal", "deal name", "opportunity", "firsat", "firsat adi", "baslik")
                    .mandatory().orInstead("product", "reference"),
            text("reference", "reference", "opportunity id", "opportunity_id", "deal id", "referans", "firsat no"),
            text("pipeline", "pipeline", "satis sureci", "surec"),
            text("stage", "stage", "deal stage", "deal_stage", "asama"),
            text("status", "status", "durum"),
            ImportField.of("value", DECIMAL, "value", "amount", "close value", "close_value", "tutar", "deger"),
            text("currency", "currency", "para birimi", "doviz"),
            ImportField.of("expectedCloseDate", DATE, "expected close date", "expected close", "beklenen kapanis"),
            ImportField.of("engageDate", DATE, "engage date", "engage_date", "created", "opened", "acilis tarihi"),
            ImportField.of("closeDate", DATE, "close date", "close_date", "closed", "kapanis tarihi"),
            text("company", "company", "account", "firma", "sirket", "musteri"),
            text("product", "product", "urun"),
            text("owner", "owner", "sales agent", "sales_agent", "sahibi", "temsilci", "satis temsilcisi"),
            text("source", "source", "kaynak"),
            text("lostReason", "lost reason", "reason", "kayip nedeni", "kaybetme nedeni"));

    private final DealService deals;
    private final DealImports imports;
    private final PipelineService pipelines;
    private final ProductService products;

    DealTarget(DealService deals, DealImports imports, PipelineService pipelines, ProductService products) {
        this.deals = deals;
        this.imports = imports;
        this.pipelines = pipelines;
        this.products = products;
    }

    @Override
    public String recordType() {
        return "deals";
    }

    @Override
    public List<ImportField> fields() {
        return FIELDS;
    }

    @Override
    public List<String> matchKeys() {
        return DealImports.MATCH_KEYS;
    }

    @Override
    public Class<DealRow> draftType() {
        return DealRow.class;
    }

    @Override
    public String normalizedKey(String key, String value) {
        return TurkishText.sortKey(value);
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
    public DealRow load(UUID id) {
        return row(deals.get(id));
    }

    @Override
    public Map<UUID, DealRow> loadAll(Collection<UUID> ids) {
        // Only updates are loaded, and deal updates go one row at a time (writesUpdates): this stays empty in practice.
        Map<UUID, DealRow> rows = new HashMap<>();
        ids.forEach(id -> rows.put(id, load(id)));
        return rows;
    }

    private static DealRow row(DealDetails deal) {
        return new DealRow(deal.toDraft(), deal.status().key(), null, null, deal.lostReasonId());
    }

    @Override
    public boolean writesUpdates() {
        return false;
    }

    @Override
    public List<BatchResult> writeAll(List<Write<DealRow>> writes) {
        List<DealImports.NewDeal> deals = writes.stream().map(w -> {
            if (w.existing() != null) {
                throw new IllegalArgumentException("Deal updates are written one at a time");
            }
            DealRow row = w.draft();
            boolean closed = !"open".equals(row.status());
            return new DealImports.NewDeal(row.draft(), DealStatus.ofKey(row.status()), startOfDay(row.engageDate()),
                    closed ? startOfDay(row.closeDate()) : null, row.lostReasonId());
        }).toList();
        return imports.importBatch(deals);
    }

    @Override
    public DealRow draft(RowValues v, DealRow s, ImportContext context) {
        DealDraft stored = s != null ? s.draft() : new DealDraft(null, null, null, null, null, null, null, List.of(),
                null, null, null, null);
        PipelineView pipeline = pipeline(v, context, stored.pipelineId());
        String status = status(v.text("status"));
        UUID stageId = null;
        String stageName = v.text("stage");
        if (stageName != null && pipeline != null) {
            Optional<StageView> stage = pipeline.openStages().stream().filter(st -> same(st.name(), stageName)
                    || same(st.nameTr(), stageName)).findFirst();
            if (stage.isPresent()) {
                stageId = stage.get().id();
            } else if (status(stageName) != null) {
                status = status(stageName);
                stageId = pipeline.openStages().isEmpty() ? null
                        : pipeline.openStages().get(pipeline.openStages().size() - 1).id();
            } else {
                v.problem("stage", stageName, "import.value.stage");
            }
        }
        if (v.text("status") != null && status(v.text("status")) == null) {
            v.problem("status", v.text("status"), "import.value.status");
        }
        UUID companyId = null;
        String company = v.text("company");
        if (company != null) {
            companyId = context.company(company).orElse(null);
            if (companyId == null) {
                v.problem("company", company, "import.value.company");
            }
        }
        String product = product(v, context);
        String title = or(v.text("title"), s != null ? stored.title() : defaultTitle(product, company, v.text("reference")));
        LocalDate closeDate = v.date("closeDate");
        String finalStatus = or(status, s != null ? s.status() : "open");
        LocalDate expected = or(v.date("expectedCloseDate"), "open".equals(finalStatus) ? closeDate : null);
        DealDraft draft = new DealDraft(title, pipeline == null ? stored.pipelineId() : pipeline.id(),
                or(stageId, stored.stageId()), or(v.decimal("value"), stored.value()),
                or(CompanyTarget.upper(v.text("currency")), stored.currency()), or(expected, stored.expectedCloseDate()),
                or(companyId, stored.companyId()), stored.contactIds(), or(Owners.owner(v, context), stored.ownerId()),
                stored.visibleToTeam(), or(v.text("source"), stored.source()), stored.nextStepAt());
        return new DealRow(draft, finalStatus, v.date("engageDate"), closeDate,
                "lost".equals(finalStatus) ? lostReason(v, context) : null);
    }

    private UUID lostReason(RowValues v, ImportContext context) {
        String reason = v.text("lostReason");
        if (reason == null) {
            return null;
        }
        List<io.kervan.deals.LostReasonView> reasons = context.cached("deals.lostReasons",
                () -> pipelines.lostReasons(false));
        return reasons.stream().filter(r -> same(r.name(), reason) || same(r.nameTr(), reason))
                .map(io.kervan.deals.LostReasonView::id).findFirst().orElseGet(() -> {
                    v.problem("lostReason", reason, "import.value.lostReason");
                    return null;
                });
    }

    private PipelineView pipeline(RowValues v, ImportContext context, UUID storedPipeline) {
        Map<String, PipelineView> byName = context.cached("deals.pipelines", () -> pipelines.list(false).stream()
                .collect(Collectors.toMap(p -> TurkishText.fold(p.name()), Function.identity(), (a, b) -> a)));
        String name = v.text("pipeline");
        if (name == null) {
            if (storedPipeline != null) {
                return byName.values().stream().filter(p -> p.id().equals(storedPipeline)).findFirst().orElse(null);
            }
            return pipelines.list(false).stream().findFirst().orElse(null);
        }
        PipelineView pipeline = byName.get(TurkishText.fold(name));
        if (pipeline == null) {
            pipeline = pipelines.list(false).stream().filter(p -> same(p.nameTr(), name)).findFirst().orElse(null);
        }
        if (pipeline == null) {
            v.problem("pipeline", name, "import.value.pipeline");
        }
        return pipeline;
    }

    /** The product's catalogue name (aliases and codes resolved), or a problem. */
    private String product(RowValues v, ImportContext context) {
        String product = v.text("product");
        if (product == null) {
            return null;
        }
        // Filled by the planning thread and the writing thread alike (a batch is planned while another is written).
        Map<String, Optional<String>> known = context.cached("deals.products", ConcurrentHashMap::new);
        Optional<String> name = known.computeIfAbsent(TurkishText.fold(product),
                k -> products.matchByName(product).map(p -> p.name()));
        if (name.isEmpty()) {
            v.problem("product", product, "import.value.product");
            return product;
        }
        return name.get();
    }

    private static String defaultTitle(String product, String company, String reference) {
        StringBuilder title = new StringBuilder(product == null ? "" : product);
        if (company != null) {
            title.append(title.isEmpty() ? "" : " – ").append(company);
        }
        if (reference != null) {
            title.append(title.isEmpty() ? reference : " (" + reference + ")");
        }
        return title.isEmpty() ? null : title.toString();
    }

    static String status(String text) {
        if (text == null) {
            return null;
        }
        return switch (TurkishText.fold(text)) {
            case "won", "win", "kazanildi", "kazanilan", "kazandi" -> "won";
            case "lost", "lose", "kaybedildi", "kaybedilen", "kaybetti" -> "lost";
            case "open", "acik" -> "open";
            default -> null;
        };
    }

    private static boolean same(String a, String b) {
        return a != null && TurkishText.fold(a).equals(TurkishText.fold(b));
    }

    @Override
    public ImportMatch create(DealRow row, String externalId) {
        DealDetails deal = deals.create(row.draft());
        if ("won".equals(row.status())) {
            deal = deals.win(deal.id(), null, deal.version());
        } else if ("lost".equals(row.status())) {
            deal = deals.lose(deal.id(), row.lostReasonId(), null, deal.version());
        }
        long version = deal.version();
        if (row.engageDate() != null || (row.closeDate() != null && !"open".equals(row.status()))) {
            version = imports.backdate(deal.id(), startOfDay(row.engageDate()),
                    "open".equals(row.status()) ? null : startOfDay(row.closeDate()));
        }
        return new ImportMatch(deal.id(), version);
    }

    private static java.time.Instant startOfDay(LocalDate date) {
        return date == null ? null : date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    @Override
    public ImportMatch update(UUID id, DealRow row, long expectedVersion) {
        DealDetails deal = deals.update(id, row.draft(), expectedVersion);
        return new ImportMatch(deal.id(), deal.version());
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
