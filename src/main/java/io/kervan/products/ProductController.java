package io.kervan.products;

import io.kervan.shared.export.ExportFormat;
import io.kervan.shared.export.ListExports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import io.kervan.audit.AuditService;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.Slice;
import io.kervan.shared.StaleVersionException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The product pages: catalogue list with search-as-you-type, detail with price lists, create/edit form. */
@Controller
@RequestMapping("/products")
class ProductController {

    private final ProductService products;
    private final PriceListService priceLists;
    private final AuditService audit;

    private final ListExports exports;

    ProductController(ProductService products, PriceListService priceLists, AuditService audit,
            ListExports exports) {
        this.exports = exports;
        this.products = products;
        this.priceLists = priceLists;
        this.audit = audit;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "false") boolean inactive,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Boolean active = inactive ? null : Boolean.TRUE;
        Slice<ProductSummary> page;
        try {
            page = products.list(q, active, sort, cursor, null);
        } catch (InvalidInputException e) {
            page = products.list(q, active, null, null, null);
            sort = null;
        }
        model.addAttribute("page", page);
        model.addAttribute("q", q);
        model.addAttribute("sort", sort == null ? "name" : sort);
        model.addAttribute("inactive", inactive);
        model.addAttribute("cursor", cursor);
        model.addAttribute("canManage", products.canManage());
        return htmx != null ? "products/list :: results" : "products/list";
    }

    /** The export buttons: the catalogue as currently searched, as a CSV or Excel file. */
    @GetMapping("/export")
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "false") boolean inactive,
            HttpServletResponse response) throws IOException {
        ProductApiController.export(products, exports, ExportFormat.parse(format, ExportFormat.TABULAR), q,
                inactive ? null : Boolean.TRUE, sort, response);
    }

    @GetMapping("/new")
    String newForm(Model model) {
        requireManager();
        return form(model, new ProductForm(), null);
    }

    @PostMapping
    String create(@ModelAttribute("form") ProductForm form, Model model) {
        requireManager();
        try {
            return "redirect:/products/" + products.create(form.toDraft()).id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
            return form(model, form, null);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        ProductDetails product = products.get(id);
        model.addAttribute("product", product);
        model.addAttribute("canManage", products.canManage());
        model.addAttribute("priceLists", priceLists.listsContaining(id));
        model.addAttribute("history", audit.history(ProductService.RECORD_TYPE, id, 50));
        return "products/detail";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        requireManager();
        ProductDetails product = products.get(id);
        return form(model, ProductForm.of(product), product);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") ProductForm form, Model model) {
        requireManager();
        ProductDetails product = products.get(id);
        try {
            long version = form.getVersion() == null ? product.version() : form.getVersion();
            products.update(id, form.toDraft(), version);
            return "redirect:/products/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        return form(model, form, product);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable UUID id) {
        products.setActive(id, false, null);
        return "redirect:/products/" + id;
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable UUID id) {
        products.setActive(id, true, null);
        return "redirect:/products/" + id;
    }

    private void requireManager() {
        if (!products.canManage()) {
            throw new NotAllowedException("Only admins and managers may change products");
        }
    }

    private String form(Model model, ProductForm form, ProductDetails product) {
        model.addAttribute("form", form);
        model.addAttribute("product", product);
        model.addAttribute("vatRates", ProductRules.VAT_RATES);
        return "products/form";
    }
}
