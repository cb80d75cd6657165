package io.kervan.products;

import io.kervan.shared.BusinessRuleException;
import io.kervan.shared.ChangeSet;
import io.kervan.shared.FieldProblem;
import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.Keyset;
import io.kervan.shared.RecordChanged;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.Slice;
import io.kervan.shared.StaleVersionException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Price lists and the public pricing API. Everyone signed in may read price lists and ask for quotes;
 * admins and managers may change them. Lists are never deleted, only deactivated.
 *
 * <h2>Pricing for other modules</h2>
 * {@link #quote(UUID, UUID, BigDecimal)} resolves the unit price of a quantity of a product: on a price
 * list, the tier with the highest {@code minQuantity} not above the quantity; without a price list, the
 * product's own unit price and currency. {@link LineItemPricing#total} then applies a discount.
 */
@Service
public class PriceListService {

    /** The {@code recordType} of this module's {@link RecordChanged} events for price lists. */
    public static final String RECORD_TYPE = "price-list";

    private final PriceListRepository lists;
    private final ProductRepository products;
    private final CatalogueAccess access;
    private final ApplicationEventPublisher events;

    PriceListService(PriceListRepository lists, ProductRepository products, CatalogueAccess access,
            ApplicationEventPublisher events) {
        this.lists = lists;
        this.products = products;
        this.access = access;
        this.events = events;
    }

    /** A page of price lists by name (or {@code -updatedAt}); {@code active} {@code null} for all. */
    @Transactional(readOnly = true)
    public Slice<PriceListSummary> list(Boolean active, String sort, String cursor, Integer limit) {
        Keyset.Sort order = Keyset.parseSort(sort, PriceListRepository.SORTABLE, PriceListRepository.DEFAULT_SORT);
        return lists.list(active, order, Keyset.Cursor.decode(cursor), Keyset.limit(limit));
    }

    @Transactional(readOnly = true)
    public PriceListDetails get(UUID id) {
        return lists.findById(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
    }

    /** The price lists that include the product, with its tiers on each. */
    @Transactional(readOnly = true)
    public List<ProductPriceEntry> listsContaining(UUID productId) {
        return lists.containing(productId);
    }

    @Transactional(readOnly = true)
    public boolean canManage() {
        return access.canManageCatalogue();
    }

    @Transactional
    public PriceListDetails create(PriceListDraft draft) {
        UUID actor = access.requireCatalogueManager();
        PriceListDraft list = validated(draft, null);
        UUID id = Ids.newId();
        lists.insert(id, list, actor);
        PriceListDetails created = get(id);
        events.publishEvent(RecordChanged.of(RECORD_TYPE, id, RecordChanged.Action.CREATED, actor,
                changes(null, created).changes()));
        return created;
    }

    /** Replaces the list, its items included, if {@code expectedVersion} is still current. */
    @Transactional
    public PriceListDetails update(UUID id, PriceListDraft draft, long expectedVersion) {
        UUID actor = access.requireCatalogueManager();
        PriceListDetails before = get(id);
        PriceListDraft list = validated(draft, id);
        if (!lists.update(id, list, actor, expectedVersion)) {
            throw new StaleVersionException(RECORD_TYPE, id);
        }
        PriceListDetails after = get(id);
        ChangeSet changes = changes(before, after);
        if (!changes.isEmpty()) {
            events.publishEvent(RecordChanged.of(RECORD_TYPE, id, RecordChanged.Action.UPDATED, actor,
                    changes.changes()));
        }
        return after;
    }

    @Transactional
    public PriceListDetails setActive(UUID id, boolean active, Long expectedVersion) {
        access.requireCatalogueManager();
        PriceListDetails before = get(id);
        if (before.active() == active) {
            return before;
        }
        PriceListDraft d = before.toDraft();
        return update(id, new PriceListDraft(d.name(), d.currency(), active, d.validFrom(), d.validTo(), d.items()),
                expectedVersion == null ? before.version() : expectedVersion);
    }

    /**
     * The price of {@code quantity} units of a product.
     *
     * <ul>
     * <li>With a price list: the tier with the highest {@code minQuantity} ≤ {@code quantity}; the price
     * list's currency. A quantity below the lowest tier (the minimum orderable quantity), a product the
     * list does not include, or an inactive list is refused with a {@link BusinessRuleException} (HTTP 422)
     * naming {@code quantity}, {@code productId} or {@code priceListId}.</li>
     * <li>Without a price list ({@code priceListId} {@code null}): the product's own unit price and currency.</li>
     * </ul>
     * Validity dates of a list are informational and not checked here. {@code total} is
     * {@code quantity × unitPrice} before discount, rounded to 2 decimals half-up (see {@link LineItemPricing}).
     *
     * @throws InvalidInputException when {@code productId} or {@code quantity} is missing or {@code quantity} ≤ 0
     * @throws RecordNotFoundException when the product or the price list does not exist
     */
    @Transactional(readOnly = true)
    public PriceQuote quote(UUID priceListId, UUID productId, BigDecimal quantity) {
        if (productId == null) {
            throw new InvalidInputException("productId", "validation.required");
        }
        if (quantity == null || quantity.signum() <= 0 || !LineItemPricing.sane(quantity)) {
            throw new InvalidInputException("quantity", "validation.priceList.quantity");
        }
        ProductDetails product = products.findById(productId)
                .orElseThrow(() -> new RecordNotFoundException(ProductService.RECORD_TYPE, productId));
        if (priceListId == null) {
            return new PriceQuote(productId, null, quantity, product.unitPrice(), product.currency(), null,
                    LineItemPricing.total(product.unitPrice(), quantity, null));
        }
        PriceListDetails list = get(priceListId);
        if (!list.active()) {
            throw refused("priceListId", "validation.priceList.inactive", "The price list is not active");
        }
        List<PriceTier> tiers = lists.tiers(priceListId, productId);
        if (tiers.isEmpty()) {
            throw refused("productId", "validation.priceList.productMissing", "The price list does not include this product");
        }
        PriceTier used = null;
        for (PriceTier tier : tiers) {
            if (tier.minQuantity().compareTo(quantity) <= 0) {
                used = tier;
            }
        }
        if (used == null) {
            throw refused("quantity", "validation.priceList.belowMinimum",
                    "The quantity is below the minimum of " + tiers.get(0).minQuantity().stripTrailingZeros().toPlainString());
        }
        return new PriceQuote(productId, priceListId, quantity, used.price(), list.currency(), used.minQuantity(),
                LineItemPricing.total(used.price(), quantity, null));
    }

    private static BusinessRuleException refused(String field, String code, String message) {
        return new BusinessRuleException(message, List.of(new FieldProblem(field, code)));
    }

    private PriceListDraft validated(PriceListDraft draft, UUID self) {
        PriceListDraft list = PriceListRules.normalize(draft);
        List<FieldProblem> problems = new ArrayList<>();
        lists.findIdByName(list.name()).filter(id -> !id.equals(self))
                .ifPresent(id -> problems.add(new FieldProblem("name", "validation.priceList.nameTaken")));
        List<UUID> ids = list.items().stream().map(PriceListDraft.Item::productId).toList();
        Set<UUID> known = new HashSet<>(products.existing(ids));
        for (int i = 0; i < ids.size(); i++) {
            if (!known.contains(ids.get(i))) {
                problems.add(new FieldProblem("items[" + i + "].productId", "validation.priceList.unknownProduct"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return list;
    }

    private static ChangeSet changes(PriceListDetails before, PriceListDetails after) {
        return new ChangeSet()
                .compare("name", before == null ? null : before.name(), after.name())
                .compare("currency", before == null ? null : before.currency(), after.currency())
                .compare("active", before == null ? null : before.active(), after.active())
                .compare("validFrom", before == null ? null : before.validFrom(), after.validFrom())
                .compare("validTo", before == null ? null : before.validTo(), after.validTo())
                .compare("items", before == null ? null : describe(before), describe(after));
    }

    /** Items as "CODE: 1 → 10, 100 → 9.2", so the history shows what changed in the prices. */
    private static List<String> describe(PriceListDetails list) {
        return list.items().stream().map(item -> item.productCode() + ": " + String.join(", ", item.tiers().stream()
                .map(t -> ProductService.plain(t.minQuantity()) + " → " + ProductService.plain(t.price())).toList()))
                .filter(Objects::nonNull).toList();
    }
}
