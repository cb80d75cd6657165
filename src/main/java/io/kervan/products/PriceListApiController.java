package io.kervan.products;

import io.kervan.identity.CurrentUser;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.Slice;
import io.kervan.shared.api.ETags;
import io.kervan.shared.api.IdempotentCreates;
import io.kervan.shared.api.JsonMergePatch;
import java.math.BigDecimal;
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

/**
 * {@code /api/v1/price-lists}: list, get, create, merge-patch (items replaced as a whole when given),
 * deactivate (DELETE), and {@code GET /{id}/quote?productId=&quantity=} to check tier pricing.
 */
@RestController
@RequestMapping("/api/v1/price-lists")
class PriceListApiController {

    private final PriceListService lists;
    private final IdempotentCreates idempotency;
    private final ObjectMapper json;

    PriceListApiController(PriceListService lists, IdempotentCreates idempotency, ObjectMapper json) {
        this.lists = lists;
        this.idempotency = idempotency;
        this.json = json;
    }

    @GetMapping
    PriceListJson.Page list(@RequestParam(required = false) Boolean active,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String sort) {
        Slice<PriceListSummary> page = lists.list(active, sort, cursor, limit);
        return new PriceListJson.Page(page.items(), page.nextCursor());
    }

    @GetMapping("/{id}")
    ResponseEntity<PriceListJson.Resource> get(@PathVariable UUID id) {
        return ok(lists.get(id));
    }

    @PostMapping
    ResponseEntity<PriceListJson.Resource> create(@RequestBody PriceListJson.Input input,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        PriceListDetails list = idempotency.create(CurrentUser.require().id(), idempotencyKey,
                json.writeValueAsString(input), () -> lists.create(input.toDraft()), PriceListDetails::id)
                .orRead(lists::get);
        return ResponseEntity.created(URI.create("/api/v1/price-lists/" + list.id()))
                .eTag(ETags.of(list.version())).body(PriceListJson.Resource.of(list));
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<PriceListJson.Resource> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        PriceListDetails current = lists.get(id);
        long expected = ETags.expectedVersion(ifMatch, current.version(), PriceListService.RECORD_TYPE, id);
        PriceListJson.Input merged = JsonMergePatch.apply(json, PriceListJson.Input.of(current), patch,
                PriceListJson.Input.class);
        return ok(lists.update(id, merged.toDraft(), expected));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> deactivate(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        PriceListDetails current = lists.get(id);
        lists.setActive(id, false, ETags.expectedVersion(ifMatch, current.version(), PriceListService.RECORD_TYPE, id));
        return ResponseEntity.noContent().build();
    }

    /** {@code {unitPrice, currency, minQuantity, total}} for a quantity of a product on this list. */
    @GetMapping("/{id}/quote")
    PriceListJson.Quote quote(@PathVariable UUID id, @RequestParam(required = false) UUID productId,
            @RequestParam(required = false) String quantity) {
        return PriceListJson.Quote.of(lists.quote(id, productId, decimal("quantity", quantity)));
    }

    static BigDecimal decimal(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.length() > 40) {
                throw new NumberFormatException("too long");
            }
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "validation.number");
        }
    }

    private static ResponseEntity<PriceListJson.Resource> ok(PriceListDetails list) {
        return ResponseEntity.ok().eTag(ETags.of(list.version())).body(PriceListJson.Resource.of(list));
    }
}
