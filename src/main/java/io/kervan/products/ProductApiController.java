package io.kervan.products;

import io.kervan.shared.export.ExportColumn;
import io.kervan.shared.export.ExportFormat;
import io.kervan.shared.export.ListExports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import io.kervan.identity.CurrentUser;
import io.kervan.shared.Slice;
import io.kervan.shared.api.ETags;
import io.kervan.shared.api.IdempotentCreates;
import io.kervan.shared.api.JsonMergePatch;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code /api/v1/products}: list, get, create, merge-patch, deactivate (DELETE). */
@RestController
@RequestMapping("/api/v1/products")
class ProductApiController {

    private final ProductService products;
    private final IdempotentCreates idempotency;
    private final ObjectMapper json;

    private final ListExports exports;

    /** The columns of a product export; the unit price stays a number. */
    static final java.util.List<ExportColumn<ProductSummary>> EXPORT_COLUMNS = java.util.List.of(
            ExportColumn.of("product.code", ProductSummary::code),
            ExportColumn.of("product.name", ProductSummary::name),
            ExportColumn.of("product.unit", ProductSummary::unit),
            ExportColumn.of("product.unitPrice", ProductSummary::unitPrice),
            ExportColumn.of("product.currency", ProductSummary::currency),
            ExportColumn.of("product.vatRate", ProductSummary::vatRate),
            ExportColumn.of("product.active", p -> p.active() ? "✓" : ""),
            ExportColumn.of("product.export.id", p -> p.id().toString()));

    ProductApiController(ProductService products, IdempotentCreates idempotency, ObjectMapper json, ListExports exports) {
        this.products = products;
        this.idempotency = idempotency;
        this.json = json;
        this.exports = exports;
    }

    /** The products matching the list filters as a CSV or XLSX file, streamed page by page. */
    @GetMapping("/export")
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean active, @RequestParam(required = false) String sort,
            HttpServletResponse response) throws IOException {
        export(products, exports, ExportFormat.parse(format, ExportFormat.TABULAR), q, active, sort, response);
    }

    static void export(ProductService products, ListExports exports, ExportFormat chosen, String q, Boolean active,
            String sort, HttpServletResponse response) throws IOException {
        String filters = ListExports.filters("q", q, "active", active, "sort", sort);
        exports.table(response, new ListExports.Request(ProductService.RECORD_TYPE, "products", chosen, filters,
                CurrentUser.require().id()), EXPORT_COLUMNS,
                cursor -> products.list(q, active, sort, cursor, ListExports.PAGE_SIZE));
    }

    @GetMapping
    ProductJson.Page list(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String sort) {
        Slice<ProductSummary> page = products.list(q, active, sort, cursor, limit);
        return new ProductJson.Page(page.items(), page.nextCursor());
    }

    @GetMapping("/{id}")
    ResponseEntity<ProductJson.Resource> get(@PathVariable UUID id) {
        return ok(products.get(id));
    }

    @PostMapping
    ResponseEntity<ProductJson.Resource> create(@RequestBody ProductJson.Input input,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        ProductDetails product = idempotency.create(CurrentUser.require().id(), idempotencyKey,
                json.writeValueAsString(input), () -> products.create(input.toDraft()), ProductDetails::id)
                .orRead(products::get);
        return ResponseEntity.created(URI.create("/api/v1/products/" + product.id()))
                .eTag(ETags.of(product.version())).body(ProductJson.Resource.of(product));
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<ProductJson.Resource> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ProductDetails current = products.get(id);
        long expected = ETags.expectedVersion(ifMatch, current.version(), ProductService.RECORD_TYPE, id);
        ProductJson.Input merged = JsonMergePatch.apply(json, ProductJson.Input.of(current), patch,
                ProductJson.Input.class);
        return ok(products.update(id, merged.toDraft(), expected));
    }

    /** Deactivates: products stay for the deals and quotes that name them. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> deactivate(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ProductDetails current = products.get(id);
        products.setActive(id, false, ETags.expectedVersion(ifMatch, current.version(), ProductService.RECORD_TYPE, id));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ProductJson.Resource> ok(ProductDetails product) {
        return ResponseEntity.ok().eTag(ETags.of(product.version())).body(ProductJson.Resource.of(product));
    }
}
