package io.kervan.deals;

import io.kervan.identity.CurrentUser;
import io.kervan.products.LineItemPricing;
import io.kervan.products.PriceListService;
import io.kervan.products.PriceQuote;
import io.kervan.products.ProductDetails;
import io.kervan.products.ProductService;
import io.kervan.shared.BusinessRuleException;
import io.kervan.shared.FieldProblem;
import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.RecordChanged;
import io.kervan.shared.RecordNotFoundException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A deal's line items: products priced from the catalogue (the price list's tier for the quantity, or
 * the product's own price), with a discount; their total can become the deal's value. Who may see or
 * change the deal may see or change its line items.
 */
@Service
public class DealLineItems {

    private final DealService deals;
    private final DealLineItemRepository items;
    private final ProductService products;
    private final PriceListService priceLists;
    private final ApplicationEventPublisher events;

    DealLineItems(DealService deals, DealLineItemRepository items, ProductService products,
            PriceListService priceLists, ApplicationEventPublisher events) {
        this.deals = deals;
        this.items = items;
        this.products = products;
        this.priceLists = priceLists;
        this.events = events;
    }

    /** The deal's line items and their total (in the deal's currency). */
    public record Lines(List<DealLineItem> items, BigDecimal total, String currency) {
    }

    @Transactional(readOnly = true)
    public Lines of(UUID dealId) {
        DealDetails deal = deals.get(dealId);
        List<DealLineItem> lines = items.findByDeal(dealId);
        BigDecimal total = lines.stream().map(DealLineItem::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Lines(lines, total, deal.currency());
    }

    @Transactional
    public DealLineItem add(UUID dealId, DealLineItemRequest request) {
        DealDetails deal = editable(dealId);
        if (request.productId() == null) {
            throw new InvalidInputException("productId", "validation.required");
        }
        ProductDetails product = products.find(request.productId())
                .orElseThrow(() -> new InvalidInputException("productId", "deals.lineItems.unknownProduct"));
        PriceQuote quote = quote(request);
        if (!quote.currency().equals(deal.currency())) {
            throw new BusinessRuleException("The price is in " + quote.currency() + " but the deal is in "
                    + deal.currency(), List.of(new FieldProblem("priceListId", "deals.lineItems.currency")));
        }
        BigDecimal discount = request.discountPercent() == null ? BigDecimal.ZERO : request.discountPercent();
        BigDecimal total = LineItemPricing.total(quote.unitPrice(), request.quantity(), discount);
        DealLineItem item = new DealLineItem(Ids.newId(), dealId, 0, product.id(), product.code(), product.name(),
                request.priceListId(), request.quantity(), quote.unitPrice(), quote.currency(), discount,
                product.vatRate(), total);
        items.insert(item, CurrentUser.require().id());
        published(dealId, null, describe(item));
        return items.findByDeal(dealId).stream().filter(i -> i.id().equals(item.id())).findFirst().orElseThrow();
    }

    @Transactional
    public void remove(UUID dealId, UUID itemId) {
        editable(dealId);
        DealLineItem item = items.findByDeal(dealId).stream().filter(i -> i.id().equals(itemId)).findFirst()
                .orElseThrow(() -> new RecordNotFoundException("dealLineItem", itemId));
        items.delete(dealId, itemId);
        published(dealId, describe(item), null);
    }

    /** Sets the deal's value to the line-item total (through the deal's own update, so gates and audit apply). */
    @Transactional
    public DealDetails applyTotalToValue(UUID dealId) {
        DealDetails deal = editable(dealId);
        Lines lines = of(dealId);
        if (lines.items().isEmpty()) {
            throw new BusinessRuleException("The deal has no line items",
                    List.of(new FieldProblem("lineItems", "deals.lineItems.none")));
        }
        DealDraft draft = deal.toDraft();
        DealDraft valued = new DealDraft(draft.title(), draft.pipelineId(), draft.stageId(), lines.total(),
                deal.currency(), draft.expectedCloseDate(), draft.companyId(), draft.contactIds(), draft.ownerId(),
                draft.visibleToTeam(), draft.source(), draft.nextStepAt());
        return deals.update(dealId, valued, deal.version());
    }

    private PriceQuote quote(DealLineItemRequest request) {
        try {
            return priceLists.quote(request.priceListId(), request.productId(), request.quantity());
        } catch (RecordNotFoundException e) {
            throw new InvalidInputException("priceListId", "deals.lineItems.unknownPriceList");
        }
    }

    private DealDetails editable(UUID dealId) {
        DealDetails deal = deals.get(dealId);
        if (!deals.canEdit(deal)) {
            throw new NotAllowedException("You may see this deal but not change it");
        }
        return deal;
    }

    private void published(UUID dealId, String removed, String added) {
        events.publishEvent(RecordChanged.of(DealService.RECORD_TYPE, dealId, RecordChanged.Action.UPDATED,
                CurrentUser.require().id(), List.of(new RecordChanged.FieldChange("lineItems", removed, added))));
    }

    private static String describe(DealLineItem item) {
        return item.quantity().stripTrailingZeros().toPlainString() + " × " + item.productName() + " @ "
                + item.unitPrice().stripTrailingZeros().toPlainString() + " " + item.currency()
                + (item.discountPercent().signum() == 0 ? "" : " −" + item.discountPercent().stripTrailingZeros().toPlainString() + "%")
                + " = " + item.total().toPlainString();
    }
}
