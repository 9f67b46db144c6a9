package io.alter8.architecture.sample.command.lease;

import io.alter8.architecture.sample.command.property.Lettings;
import io.alter8.architecture.sample.command.property.PropertyAggregate;
import io.alter8.architecture.sample.command.property.pricing.RentRules;

class LeaseDecisions {

    boolean canLet(Lettings lettings, String unit) {
        return !lettings.isLet(unit);
    }

    boolean canLetThroughTheAggregate(PropertyAggregate property, String unit) {
        return !property.isLet(unit);
    }

    int maxIncrease() {
        return RentRules.maxIncreasePercent();
    }
}
