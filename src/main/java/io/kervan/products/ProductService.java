package io.kervan.products;

import io.kervan.shared.ChangeSet;
import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.Keyset;
import io.kervan.shared.RecordChanged;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.Slice;
import io.kervan.shared.StaleVersionException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product catalogue's API. Everyone signed in may read products; admins and managers may create,
 * change and deactivate them (others get a 403). Products are never deleted, only deactivated.
 */
@Service
public class ProductService {

    /** The {@code recordType} of this module's {@link RecordChanged} events for products. */
    public static final String RECORD_TYPE = "product";

    private final ProductRepository products;
    private final ProductQueries queries;
    private final CatalogueAccess access;
    private final ApplicationEventPublisher events;

    ProductService(ProductRepository products, ProductQueries queries, CatalogueAccess access,
            ApplicationEventPublisher events) {
        this.products = products;
        this.queries = queries;
        this.access = access;
        this.events = events;
    }

    /**
     * A page of products.
     *
     * @param query folded search over code, name and aliases
     * @param active {@code null} for all, otherwise only active or only inactive products
     * @param sort {@code name}, {@code code} or {@code updatedAt}, with a leading {@code -} for descending
     */
    @Transactional(readOnly = true)
    public Slice<ProductSummary> list(String query, Boolean active, String sort, String cursor, Integer limit) {
        Keyset.Sort order = Keyset.parseSort(sort, ProductQueries.SORTABLE, ProductQueries.DEFAULT_SORT);
        return queries.list(query, active, order, Keyset.Cursor.decode(cursor), Keyset.limit(limit));
    }

    /** The product; {@link RecordNotFoundException} when there is none. */
    @Transactional(readOnly = true)
    public ProductDetails get(UUID id) {
        return products.findById(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
    }

    @Transactional(readOnly = true)
    public Optional<ProductDetails> find(UUID id) {
        return products.findById(id);
    }

    /** The product with this code, compared case-insensitively (for imports). */
    @Transactional(readOnly = true)
    public Optional<ProductDetails> findByCode(String code) {
        return code == null ? Optional.empty() : products.findByCode(code.strip());
    }

    /**
     * The product an imported or typed name stands for: code, name or one of the aliases equal to
     * {@code text} after Turkish folding ("gtx pro", "GTXPro" and "GTX Pro" as an alias all match).
     * Active products win over inactive ones; empty when nothing matches exactly.
     */
    @Transactional(readOnly = true)
    public Optional<ProductDetails> matchByName(String text) {
        String folded = io.kervan.shared.TurkishText.fold(text);
        if (folded.isEmpty() || folded.length() > 200) {
            return Optional.empty();
        }
        return products.containingFolded(folded, 50).stream()
                .filter(p -> names(p).contains(folded))
                .findFirst();
    }

    private static List<String> names(ProductDetails p) {
        List<String> names = new java.util.ArrayList<>();
        names.add(io.kervan.shared.TurkishText.fold(p.code()));
        names.add(io.kervan.shared.TurkishText.fold(p.name()));
        p.aliases().forEach(a -> names.add(io.kervan.shared.TurkishText.fold(a)));
        return names;
    }

    /** Whether the signed-in user may change products (for showing edit buttons). */
    @Transactional(readOnly = true)
    public boolean canManage() {
        return access.canManageCatalogue();
    }

    @Transactional
    public ProductDetails create(ProductDraft draft) {
        UUID actor = access.requireCatalogueManager();
        ProductDraft product = ProductRules.normalize(draft);
        requireFreeCode(product.code(), null);
        UUID id = Ids.newId();
        products.insert(id, product, actor);
        ProductDetails created = products.findById(id).orElseThrow();
        events.publishEvent(RecordChanged.of(RECORD_TYPE, id, RecordChanged.Action.CREATED, actor,
                changes(null, created).changes()));
        return created;
    }

    @Transactional
    public ProductDetails update(UUID id, ProductDraft draft, long expectedVersion) {
        UUID actor = access.requireCatalogueManager();
        ProductDetails before = get(id);
        ProductDraft product = ProductRules.normalize(draft);
        requireFreeCode(product.code(), id);
        if (!products.update(id, product, actor, expectedVersion)) {
            throw new StaleVersionException(RECORD_TYPE, id);
        }
        ProductDetails after = products.findById(id).orElseThrow();
        ChangeSet changes = changes(before, after);
        if (!changes.isEmpty()) {
            events.publishEvent(RecordChanged.of(RECORD_TYPE, id, RecordChanged.Action.UPDATED, actor,
                    changes.changes()));
        }
        return after;
    }

    /** Deactivates (or reactivates) the product; a no-op when it already is. */
    @Transactional
    public ProductDetails setActive(UUID id, boolean active, Long expectedVersion) {
        access.requireCatalogueManager();
        ProductDetails before = get(id);
        if (before.active() == active) {
            return before;
        }
        ProductDraft draft = before.toDraft();
        return update(id, new ProductDraft(draft.code(), draft.name(), draft.description(), draft.unit(),
                draft.unitPrice(), draft.currency(), draft.vatRate(), active, draft.aliases()),
                expectedVersion == null ? before.version() : expectedVersion);
    }

    private void requireFreeCode(String code, UUID self) {
        products.findByCode(code).filter(p -> !p.id().equals(self)).ifPresent(p -> {
            throw new InvalidInputException("code", "validation.product.codeTaken");
        });
    }

    private static final ProductDraft NOTHING = new ProductDraft(null, null, null, null, null, null, null, null,
            List.of());

    private static ChangeSet changes(ProductDetails before, ProductDetails after) {
        ProductDraft b = before == null ? NOTHING : before.toDraft();
        ProductDraft a = after.toDraft();
        return new ChangeSet()
                .compare("code", b.code(), a.code())
                .compare("name", b.name(), a.name())
                .compare("description", b.description(), a.description())
                .compare("unit", b.unit(), a.unit())
                .compare("unitPrice", plain(b.unitPrice()), plain(a.unitPrice()))
                .compare("currency", b.currency(), a.currency())
                .compare("vatRate", b.vatRate(), a.vatRate())
                .compare("active", b.active(), a.active())
                .compare("aliases", b.aliases(), a.aliases());
    }

    static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
