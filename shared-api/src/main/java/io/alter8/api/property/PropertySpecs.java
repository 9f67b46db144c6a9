package io.alter8.api.property;

import java.math.BigDecimal;

/**
 * What a property is like. Areas are in square feet: the Indian carpet, built-up, super built-up and plot areas
 * (marketplace model); the US {@code square_footage} (management model) is the built-up area. {@code subType} is free
 * text such as {@code 2bhk} or {@code studio}; {@code constructionYear} is the management model's {@code year_built}.
 */
public record PropertySpecs(String subType,
                            BigDecimal carpetArea,
                            BigDecimal builtUpArea,
                            BigDecimal superBuiltUpArea,
                            BigDecimal plotArea,
                            int bedrooms,
                            BigDecimal bathrooms,
                            Integer balconies,
                            Integer parkingSpaces,
                            Integer floorNumber,
                            Integer totalFloors,
                            FurnishingStatus furnishing,
                            Integer propertyAge,
                            Integer constructionYear) {
}
