package io.kervan.deals;

import io.kervan.products.PriceListService;
import io.kervan.products.ProductService;
import io.kervan.shared.BusinessRuleException;
import io.kervan.shared.FieldProblem;
import io.kervan.shared.Ids;
import io.kervan.shared.InputCheck;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.Numbers;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The line-items card of a deal page, loaded and updated with htmx. */
@Controller
@RequestMapping("/deals/{dealId}/line-items")
class DealLineItemController {

    private static final int CHOICES = 200;

    private final DealLineItems lineItems;
    private final DealService deals;
    private final ProductService products;
    private final PriceListService priceLists;

    DealLineItemController(DealLineItems lineItems, DealService deals, ProductService products,
            PriceListService priceLists) {
        this.lineItems = lineItems;
        this.deals = deals;
        this.products = products;
        this.priceLists = priceLists;
    }

    @GetMapping
    String card(@PathVariable UUID dealId, Model model) {
        return card(model, dealId, Map.of(), null);
    }

    @PostMapping
    String add(@PathVariable UUID dealId, @RequestParam(required = false) String productId,
            @RequestParam(required = false) String quantity, @RequestParam(required = false) String priceListId,
            @RequestParam(required = false) String discountPercent, Model model) {
        InputCheck check = new InputCheck();
        UUID product = Ids.parseOrNull(productId);
        if (product == null) {
            check.problem("productId", "validation.required");
        }
        BigDecimal amount = decimal(check, "quantity", quantity);
        BigDecimal discount = decimal(check, "discountPercent", discountPercent);
        if (amount == null && !check.hasProblems()) {
            check.problem("quantity", "validation.required");
        }
        try {
            check.throwIfInvalid();
            lineItems.add(dealId, new DealLineItemRequest(product, amount, Ids.parseOrNull(priceListId), discount));
            return card(model, dealId, Map.of(), null);
        } catch (InvalidInputException e) {
            return card(model, dealId, e.byField(), null);
        } catch (BusinessRuleException e) {
            return card(model, dealId, Map.of(), e.problems().stream().map(FieldProblem::message).findFirst().orElse(null));
        }
    }

    @PostMapping("/{itemId}/delete")
    String remove(@PathVariable UUID dealId, @PathVariable UUID itemId, Model model) {
        lineItems.remove(dealId, itemId);
        return card(model, dealId, Map.of(), null);
    }

    @PostMapping("/apply-to-value")
    String applyToValue(@PathVariable UUID dealId) {
        lineItems.applyTotalToValue(dealId);
        return "redirect:/deals/" + dealId;
    }

    private String card(Model model, UUID dealId, Map<String, String> errors, String refusal) {
        DealDetails deal = deals.get(dealId);
        model.addAttribute("deal", deal);
        model.addAttribute("lines", lineItems.of(dealId));
        model.addAttribute("canEdit", deals.canEdit(deal));
        model.addAttribute("products", products.list(null, true, "name", null, CHOICES).items());
        model.addAttribute("priceLists", priceLists.list(true, null, null, CHOICES).items().stream()
                .filter(p -> p.currency().equals(deal.currency())).collect(Collectors.toList()));
        model.addAttribute("errors", errors);
        model.addAttribute("refusal", refusal);
        return "deals/line-items :: card";
    }

    private static BigDecimal decimal(InputCheck check, String field, String text) {
        try {
            return Numbers.parseDecimal(text);
        } catch (NumberFormatException e) {
            check.problem(field, "validation.number");
            return null;
        }
    }
}
