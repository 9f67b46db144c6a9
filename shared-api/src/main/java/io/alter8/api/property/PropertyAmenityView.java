package io.alter8.api.property;

import io.alter8.api.common.Money;

/** An amenity of a property with its master data name and category. */
public record PropertyAmenityView(String code,
                                  String name,
                                  String category,
                                  String description,
                                  boolean available,
                                  Money additionalCost) {
}
