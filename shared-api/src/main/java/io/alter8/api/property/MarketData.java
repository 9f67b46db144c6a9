package io.alter8.api.property;

import io.alter8.api.common.Money;

/** What the property is worth (marketplace model {@code market_value}, {@code price_per_sqft}); both optional. */
public record MarketData(Money marketValue, Money pricePerSqft) {

    public static MarketData none() {
        return new MarketData(null, null);
    }
}
