package io.kervan.imports;

import static io.kervan.imports.ImportField.Kind.BOOLEAN;
import static io.kervan.imports.ImportField.Kind.DECIMAL;
import static io.kervan.imports.ImportField.Kind.INTEGER;
import static io.kervan.imports.ImportField.Kind.LIST;
import static io.kervan.imports.ImportField.text;
import static io.kervan.imports.RowValues.or;

import io.kervan.products.ProductDetails;
import io.kervan.products.ProductDraft;
import io.kervan.products.ProductImports;
import io.kervan.products.ProductService;
import io.kervan.shared.TurkishText;
import io.kervan.shared.imports.ImportMatch;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Imports products through {@link ProductService}; a product without a code gets its name as code. */
@Component
class ProductTarget implements ImportTarget<ProductDraft> {

    private static final List<ImportField> FIELDS = List.of(
            text("name", "name", "product", "product name", "urun", "urun adi", "ad").mandatory(),
            text("code", "code", "sku", "product code", "kod", "urun kodu", "stok kodu").orInstead("name"),
            text("description", "description", "series", "aciklama", "seri"),
            text("unit", "unit", "birim"),
            ImportField.of("unitPrice", DECIMAL, "price", "unit price", "sales price", "sales_price", "fiyat",
                    "birim fiyat", "satis fiyati"),
            text("currency", "currency", "para birimi", "doviz"),
            ImportField.of("vatRate", INTEGER, "vat", "vat rate", "kdv", "kdv orani"),
            ImportField.of("active", BOOLEAN, "active", "aktif", "etkin"),
            ImportField.of("aliases", LIST, "aliases", "alias", "other names", "diger adlar"));

    private final ProductService products;
    private final ProductImports imports;

    ProductTarget(ProductService products, ProductImports imports) {
        this.products = products;
        this.imports = imports;
    }

    @Override
    public String recordType() {
        return "products";
    }

    @Override
    public List<ImportField> fields() {
        return FIELDS;
    }

    @Override
    public List<String> matchKeys() {
        return ProductImports.MATCH_KEYS;
    }

    @Override
    public Class<ProductDraft> draftType() {
        return ProductDraft.class;
    }

    @Override
    public String keyValue(String key, RowValues values) {
        String value = values.text(key);
        if (value == null && key.equals("code")) {
            return code(values.text("name"));
        }
        return value;
    }

    private static String code(String name) {
        return name == null ? null : name.length() > 50 ? name.substring(0, 50) : name;
    }

    @Override
    public String normalizedKey(String key, String value) {
        return key.equals("name") ? TurkishText.sortKey(value) : value.strip().toLowerCase();
    }

    @Override
    public List<ImportMatch> find(String key, String value) {
        return imports.findForImport(key, value);
    }

    @Override
    public ProductDraft load(UUID id) {
        return products.get(id).toDraft();
    }

    @Override
    public ProductDraft draft(RowValues v, ProductDraft s, ImportContext context) {
        ProductDraft stored = s != null ? s : new ProductDraft(null, null, null, null, null, null, null, null, List.of());
        String name = or(v.text("name"), stored.name());
        String code = or(v.text("code"), stored.code());
        if (code == null) {
            code = code(name);
        }
        Integer vat = or(v.integer("vatRate"), stored.vatRate());
        return new ProductDraft(code, name, or(v.text("description"), stored.description()),
                or(v.text("unit"), stored.unit()), or(v.decimal("unitPrice"), stored.unitPrice()),
                or(CompanyTarget.upper(v.text("currency")), stored.currency()), vat == null ? 20 : vat,
                or(v.bool("active"), stored.active()), or(v.list("aliases"), stored.aliases()));
    }

    @Override
    public ImportMatch create(ProductDraft draft, String externalId) {
        ProductDetails created = products.create(draft);
        return new ImportMatch(created.id(), created.version());
    }

    @Override
    public ImportMatch update(UUID id, ProductDraft draft, long expectedVersion) {
        ProductDetails updated = products.update(id, draft, expectedVersion);
        return new ImportMatch(updated.id(), updated.version());
    }

    @Override
    public boolean delete(UUID id, long expectedVersion) {
        return imports.deleteImported(id, expectedVersion);
    }
}
