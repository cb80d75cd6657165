package io.kervan.products;

import io.kervan.audit.AuditService;
import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.StaleVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The price list pages: list, detail with items and tiers, and the form with repeatable item and tier rows. */
@Controller
@RequestMapping("/price-lists")
class PriceListController {

    static final int PRODUCT_CHOICES = 2_000;

    private final PriceListService lists;
    private final ProductQueries productQueries;
    private final ProductService products;
    private final AuditService audit;

    PriceListController(PriceListService lists, ProductQueries productQueries, ProductService products,
            AuditService audit) {
        this.lists = lists;
        this.productQueries = productQueries;
        this.products = products;
        this.audit = audit;
    }

    @GetMapping
    String list(@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "false") boolean inactive,
            Model model) {
        model.addAttribute("page", lists.list(inactive ? null : Boolean.TRUE, null, safeCursor(cursor), null));
        model.addAttribute("inactive", inactive);
        model.addAttribute("cursor", cursor);
        model.addAttribute("canManage", lists.canManage());
        return "products/price-lists";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        requireManager();
        return form(model, PriceListForm.blank(), null);
    }

    @PostMapping
    String create(@ModelAttribute("form") PriceListForm form, Model model) {
        requireManager();
        try {
            return "redirect:/price-lists/" + lists.create(form.toDraft()).id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
            return form(model, form, null);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("priceList", lists.get(id));
        model.addAttribute("canManage", lists.canManage());
        model.addAttribute("history", audit.history(PriceListService.RECORD_TYPE, id, 50));
        return "products/price-list-detail";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        requireManager();
        PriceListDetails list = lists.get(id);
        return form(model, PriceListForm.of(list), list);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") PriceListForm form, Model model) {
        requireManager();
        PriceListDetails list = lists.get(id);
        try {
            long version = form.getVersion() == null ? list.version() : form.getVersion();
            lists.update(id, form.toDraft(), version);
            return "redirect:/price-lists/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        return form(model, form, list);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable UUID id) {
        lists.setActive(id, false, null);
        return "redirect:/price-lists/" + id;
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable UUID id) {
        lists.setActive(id, true, null);
        return "redirect:/price-lists/" + id;
    }

    private static String safeCursor(String cursor) {
        try {
            io.kervan.shared.Keyset.Cursor.decode(cursor);
            return cursor;
        } catch (InvalidInputException e) {
            return null;
        }
    }

    private void requireManager() {
        if (!lists.canManage()) {
            throw new NotAllowedException("Only admins and managers may change price lists");
        }
    }

    private String form(Model model, PriceListForm form, PriceListDetails list) {
        List<ProductSummary> choices = new ArrayList<>(productQueries.activeChoices(PRODUCT_CHOICES));
        // Products already on the list stay choosable even when inactive.
        form.getItems().stream().filter(Objects::nonNull).map(i -> Ids.parseOrNull(i.getProductId()))
                .filter(Objects::nonNull).distinct()
                .filter(id -> choices.stream().noneMatch(c -> c.id().equals(id)))
                .forEach(id -> products.find(id).ifPresent(p -> choices.add(new ProductSummary(p.id(), p.code(),
                        p.name(), p.unit(), p.unitPrice(), p.currency(), p.vatRate(), p.active()))));
        model.addAttribute("form", form);
        model.addAttribute("priceList", list);
        model.addAttribute("productChoices", choices);
        // Placeholders the page scripts replace with the next index (kervan.js: items, products.js: tiers).
        model.addAttribute("newRow", "__INDEX__");
        model.addAttribute("newTier", "__TIER__");
        return "products/price-list-form";
    }
}
