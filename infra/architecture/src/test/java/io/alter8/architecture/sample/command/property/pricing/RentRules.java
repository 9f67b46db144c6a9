package io.alter8.architecture.sample.command.property.pricing;

public final class RentRules {

    private RentRules() {
    }

    public static int maxIncreasePercent() {
        return 10;
    }
}
