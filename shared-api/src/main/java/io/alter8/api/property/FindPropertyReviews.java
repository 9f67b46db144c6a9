package io.alter8.api.property;

import io.alter8.api.common.PropertyId;

/** A property's reviews, newest first. */
public record FindPropertyReviews(PropertyId propertyId, int page, int size) {
}
