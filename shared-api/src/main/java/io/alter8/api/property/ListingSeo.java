package io.alter8.api.property;

/** How the listing appears to search engines. The slug is unique across all properties. */
public record ListingSeo(String slug, String metaTitle, String metaDescription) {
}
