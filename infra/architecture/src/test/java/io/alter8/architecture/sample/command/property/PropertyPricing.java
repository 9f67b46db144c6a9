package io.alter8.architecture.sample.command.property;

import io.alter8.architecture.sample.command.property.pricing.RentRules;

/** A feature may use its own subpackages. */
class PropertyPricing {

    int maxIncrease() {
        return RentRules.maxIncreasePercent();
    }
}
