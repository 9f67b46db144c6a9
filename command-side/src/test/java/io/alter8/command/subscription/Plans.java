package io.alter8.command.subscription;

import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans and subscriptions made over HTTP, for tests of features that plans limit. */
public final class Plans {

    /** Properties and units without limit, and HUD programmes. */
    public static final String WITH_HUD_PROGRAMMES = "[{\"feature\": \"properties\"}, {\"feature\": \"units\"}, "
            + "{\"feature\": \"hud_programmes\"}]";

    private Plans() {
    }

    /** The body of a plan at 100 INR a unit, at least 1,000 a month, with {@code features} (a JSON array). */
    public static String plan(String name, String features) {
        return plan(name, features, "INR", "100");
    }

    /** The body of a plan at {@code perUnit} a unit, at least 10 × that a month. */
    public static String plan(String name, String features, String currency, String perUnit) {
        return """
                {"name": "%s", "description": "for tests", "pricePerUnit": {"amount": "%s", "currency": "%s"},
                 "minimumPrice": {"amount": "%s", "currency": "%s"}, "maximumUnits": 500,
                 "annualDiscountPercent": 10, "features": %s}"""
                .formatted(name, perUnit, currency, new java.math.BigDecimal(perUnit).multiply(java.math.BigDecimal.TEN),
                           currency, features);
    }

    /** An admin defines a plan; answers its id. */
    public static String define(ApiClient admin, String name, String features) {
        return define(admin, name, features, "INR", "100");
    }

    /** An admin defines a plan priced {@code perUnit} in {@code currency}; answers its id. */
    public static String define(ApiClient admin, String name, String features, String currency, String perUnit) {
        Response r = admin.post("/api/plans", plan(name, features, currency, perUnit));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    /** The caller subscribes to {@code planId}, paid monthly, for 10 units; answers the subscription's id. */
    public static String subscribe(ApiClient customer, String planId) {
        Response r = customer.post("/api/subscriptions",
                                   "{\"planId\": \"%s\", \"unitCount\": 10}".formatted(planId));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    /** A new plan with {@code features}, and the caller on it. */
    public static String subscribeToNewPlan(ApiClient admin, ApiClient customer, String features) {
        return subscribe(customer, define(admin, "Plan " + UUID.randomUUID(), features));
    }
}
