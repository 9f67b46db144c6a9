package io.alter8.api.subscription;

import java.util.List;
import java.util.Optional;

/**
 * The features Alter8 enforces where they are used (codes of the feature catalog), and the free tier: what an
 * account without a subscription in force may do.
 */
public final class Features {

    /** Properties an owner has registered. */
    public static final String PROPERTIES = "properties";
    /** Units of an owner's properties. */
    public static final String UNITS = "units";
    /** Verification requests for an owner's properties, per calendar month (UTC). */
    public static final String VERIFICATION_REQUESTS = "verification_requests";
    /** Leases of an owner's properties in force (activation asked or granted, not ended). */
    public static final String LEASES_IN_FORCE = "leases_in_force";
    /** Recording HUD programme approvals on an owner's properties. */
    public static final String HUD_PROGRAMMES = "hud_programmes";
    /** Access to the API for integrations (tokens of the account used by other systems). */
    public static final String API_ACCESS = "api_access";

    /**
     * The free tier: enough to try Alter8 with a small portfolio — five properties with twenty units between them,
     * five verification requests a month, five leases in force; no HUD programmes and no API access.
     */
    public static final List<PlanFeature> FREE_TIER = List.of(
            new PlanFeature(PROPERTIES, true, 5),
            new PlanFeature(UNITS, true, 20),
            new PlanFeature(VERIFICATION_REQUESTS, true, 5),
            new PlanFeature(LEASES_IN_FORCE, true, 5),
            new PlanFeature(HUD_PROGRAMMES, false, null),
            new PlanFeature(API_ACCESS, false, null));

    private Features() {
    }

    /** The feature of that code in {@code features}, or absent (not enabled). */
    public static Optional<PlanFeature> find(List<PlanFeature> features, String code) {
        return features.stream().filter(f -> f.feature().equals(code)).findFirst();
    }

    /** Which features are counted per calendar month rather than while the thing counted exists. */
    public static boolean monthly(String code) {
        return VERIFICATION_REQUESTS.equals(code);
    }
}
