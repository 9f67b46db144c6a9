package io.alter8.api.property;

import java.time.Instant;

/** One tenant's review of a property (their latest: a new one replaces it). */
public record ReviewView(PersonSummary reviewer, int rating, String comment, Instant reviewedAt) {
}
