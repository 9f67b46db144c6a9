package io.alter8.api.user;

/**
 * Verified, active agents; {@code city} (one of their service areas) and {@code specialisation} optional, both
 * case-insensitive.
 */
public record FindAgents(String city,
                         String specialisation,
                         int page,
                         int size,
                         String sort,
                         boolean ascending) {
}
