package io.alter8.api.subscription;

import io.alter8.api.common.PlanId;

/** A plan of the catalog: its terms (monthly prices, maximum units, features) and whether it is on the market. */
public record PlanView(PlanId id, PlanTerms terms, boolean active, long version) {
}
