/**
 * Products, price lists with quantity tiers, and dated exchange rates. Owns the {@code products},
 * {@code price_lists}, {@code price_list_items}, {@code price_list_tiers} and {@code exchange_rates}
 * tables. Other modules price line items through {@link io.kervan.products.PriceListService#quote} and
 * {@link io.kervan.products.LineItemPricing}, and convert amounts through
 * {@link io.kervan.products.ExchangeRateService#convert}. Publishes {@link io.kervan.shared.RecordChanged}
 * for every change of a product, price list or exchange rate.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Products")
package io.kervan.products;
