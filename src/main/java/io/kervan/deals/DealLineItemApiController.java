package io.kervan.deals;

import io.kervan.shared.api.ApiResponses;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/deals/{id}/line-items}: list, add (priced from the catalogue), remove, and
 * {@code POST .../apply-to-value} to make the line-item total the deal's value.
 */
@RestController
@RequestMapping("/api/v1/deals/{dealId}/line-items")
class DealLineItemApiController {

    private final DealLineItems lineItems;
    private final DealService deals;

    DealLineItemApiController(DealLineItems lineItems, DealService deals) {
        this.lineItems = lineItems;
        this.deals = deals;
    }

    record Page(List<DealLineItem> items, BigDecimal total, String currency) {
    }

    @GetMapping
    Page list(@PathVariable UUID dealId) {
        DealLineItems.Lines lines = lineItems.of(dealId);
        return new Page(lines.items(), lines.total(), lines.currency());
    }

    @PostMapping
    ResponseEntity<DealLineItem> add(@PathVariable UUID dealId, @RequestBody DealLineItemRequest request) {
        DealLineItem item = lineItems.add(dealId, request);
        return ResponseEntity.created(java.net.URI.create("/api/v1/deals/" + dealId + "/line-items/" + item.id()))
                .body(item);
    }

    @DeleteMapping("/{itemId}")
    ResponseEntity<Void> remove(@PathVariable UUID dealId, @PathVariable UUID itemId) {
        lineItems.remove(dealId, itemId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/apply-to-value")
    ResponseEntity<DealJson.Resource> applyToValue(@PathVariable UUID dealId) {
        DealDetails deal = lineItems.applyTotalToValue(dealId);
        return ApiResponses.ok(deal.version(), DealJson.Resource.of(deal, deals.now()));
    }
}
