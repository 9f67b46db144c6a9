package io.alter8.command.property;

import io.alter8.api.common.Money;
import io.alter8.api.property.DietaryPreference;
import io.alter8.api.property.FurnishingStatus;
import io.alter8.api.property.ListingSeo;
import io.alter8.api.property.MarketData;
import io.alter8.api.property.PreferredTenantType;
import io.alter8.api.property.PropertyAmenity;
import io.alter8.api.property.PropertyLocation;
import io.alter8.api.property.PropertySpecs;
import io.alter8.api.property.RentalTerms;
import io.alter8.api.property.TenantPreferences;
import io.alter8.api.property.UnitSpec;
import io.alter8.command.web.AddressInput;
import io.alter8.command.web.GeoPointInput;
import io.alter8.command.web.MoneyInput;
import io.alter8.command.web.OneOf;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The parts of a property as clients send them, each checked for shape (400 with every bad field) and turned into
 * the contract's value types. Master data (city, state, area, amenity codes) is checked by {@link MasterDataChecks}.
 * Defaults are the marketplace model's: unfurnished, lease of 12 months, no balconies or parking, pets not allowed, any
 * tenant.
 */
final class PropertyInputs {

    private PropertyInputs() {
    }

    /** An area in square feet: more than zero, at most 99,999,999.99. */
    @DecimalMin(value = "0", inclusive = false)
    @Digits(integer = 8, fraction = 2)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = {})
    @interface Area {

        String message() default "must be an area in square feet";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    @MasterDataChecks.KnownPlace
    record LocationInput(@NotNull @Valid AddressInput address,
                         @Size(max = 255) String landmark,
                         @Size(max = 255) String areaName,
                         @Valid GeoPointInput coordinates,
                         @Min(0) @Max(100_000) Integer accuracyMeters) {

        PropertyLocation toLocation() {
            return new PropertyLocation(address.toAddress(), strip(landmark), strip(areaName),
                                        coordinates == null ? null : coordinates.toGeoPoint(), accuracyMeters);
        }
    }

    @SpecsInput.Consistent
    record SpecsInput(@Size(max = 50) String subType,
                      @Area BigDecimal carpetArea,
                      @Area BigDecimal builtUpArea,
                      @Area BigDecimal superBuiltUpArea,
                      @Area BigDecimal plotArea,
                      @NotNull @Min(0) @Max(100) Integer bedrooms,
                      @NotNull @DecimalMin("0") @DecimalMax("100") @HalfSteps BigDecimal bathrooms,
                      @Min(0) @Max(100) Integer balconies,
                      @Min(0) @Max(1000) Integer parkingSpaces,
                      @Min(-5) @Max(300) Integer floorNumber,
                      @Min(0) @Max(300) Integer totalFloors,
                      @OneOf(FurnishingStatus.class) String furnishing,
                      @Min(0) @Max(500) Integer propertyAge,
                      @Min(1800) @Max(9999) Integer constructionYear) {

        PropertySpecs toSpecs() {
            return new PropertySpecs(strip(subType), carpetArea, builtUpArea, superBuiltUpArea, plotArea, bedrooms,
                                     bathrooms.setScale(1, RoundingMode.UNNECESSARY), orZero(balconies),
                                     orZero(parkingSpaces), floorNumber, totalFloors,
                                     furnishing == null ? FurnishingStatus.UNFURNISHED
                                                        : FurnishingStatus.fromWire(furnishing),
                                     propertyAge, constructionYear);
        }

        @Target(ElementType.TYPE)
        @Retention(RetentionPolicy.RUNTIME)
        @Constraint(validatedBy = ConsistencyValidator.class)
        @interface Consistent {

            String message() default "is inconsistent";

            Class<?>[] groups() default {};

            Class<? extends Payload>[] payload() default {};
        }

        /** Rules between fields: the floor within the building, a building already built. */
        static class ConsistencyValidator implements ConstraintValidator<Consistent, SpecsInput> {

            @Override
            public boolean isValid(SpecsInput specs, ConstraintValidatorContext context) {
                if (specs == null) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                boolean valid = true;
                if (specs.floorNumber() != null && specs.totalFloors() != null
                        && specs.floorNumber() > specs.totalFloors()) {
                    context.buildConstraintViolationWithTemplate("must not be above totalFloors")
                           .addPropertyNode("floorNumber").addConstraintViolation();
                    valid = false;
                }
                int thisYear = Year.now(ZoneOffset.UTC).getValue();
                if (specs.constructionYear() != null && specs.constructionYear() > thisYear) {
                    context.buildConstraintViolationWithTemplate("must not be in the future")
                           .addPropertyNode("constructionYear").addConstraintViolation();
                    valid = false;
                }
                return valid;
            }
        }
    }

    record TermsInput(@NotNull @Valid MoneyInput monthlyRent,
                      @Valid MoneyInput securityDeposit,
                      @Valid MoneyInput maintenanceCharge,
                      @Valid MoneyInput brokerage,
                      LocalDate availableFrom,
                      @Min(1) @Max(120) Integer leaseDurationMonths) {

        RentalTerms toTerms() {
            return new RentalTerms(monthlyRent.toMoney(), money(securityDeposit), money(maintenanceCharge),
                                   money(brokerage), availableFrom,
                                   leaseDurationMonths == null ? 12 : leaseDurationMonths);
        }
    }

    record PreferencesInput(Boolean petsAllowed,
                            @OneOf(PreferredTenantType.class) String preferredTenantType,
                            @OneOf(DietaryPreference.class) String dietaryPreference) {

        TenantPreferences toPreferences() {
            return new TenantPreferences(Boolean.TRUE.equals(petsAllowed),
                                         preferredTenantType == null ? PreferredTenantType.ANY
                                                 : PreferredTenantType.fromWire(preferredTenantType),
                                         dietaryPreference == null ? DietaryPreference.ANY
                                                 : DietaryPreference.fromWire(dietaryPreference));
        }
    }

    record SeoInput(@Size(max = 255) @Pattern(regexp = Slugs.PATTERN,
                                              message = "must be lower-case words joined by hyphens") String slug,
                    @Size(max = 255) String metaTitle,
                    @Size(max = 2000) String metaDescription) {

        ListingSeo toSeo() {
            return new ListingSeo(slug, strip(metaTitle), strip(metaDescription));
        }
    }

    record MarketDataInput(@Valid MoneyInput marketValue, @Valid MoneyInput pricePerSqft) {

        MarketData toMarketData() {
            return new MarketData(money(marketValue), money(pricePerSqft));
        }
    }

    record AmenityInput(@NotBlank @MasterDataChecks.KnownAmenity String code,
                        @Size(max = 1000) String description,
                        Boolean available,
                        @Valid MoneyInput additionalCost) {

        PropertyAmenity toAmenity() {
            return new PropertyAmenity(code, strip(description), !Boolean.FALSE.equals(available),
                                       money(additionalCost));
        }
    }

    record UnitInput(@NotBlank @Size(max = 50) String unitNumber,
                     @NotNull @Min(0) @Max(100) Integer bedrooms,
                     @NotNull @DecimalMin("0") @DecimalMax("100") @HalfSteps BigDecimal bathrooms,
                     @Area BigDecimal areaSqft,
                     @NotNull @Valid MoneyInput monthlyRent,
                     @Size(max = 50) Map<@NotBlank @Size(max = 100) String, @Size(max = 1000) String> features,
                     @Size(max = 50) List<@NotBlank @MasterDataChecks.KnownAmenity String> amenities) {

        UnitSpec toSpec() {
            return new UnitSpec(unitNumber.strip(), bedrooms, bathrooms.setScale(1, RoundingMode.UNNECESSARY),
                                areaSqft, monthlyRent.toMoney(), features, amenities);
        }
    }

    static List<PropertyAmenity> amenities(List<AmenityInput> amenities) {
        return amenities == null ? List.of() : amenities.stream().map(AmenityInput::toAmenity).toList();
    }

    static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Money money(MoneyInput input) {
        return input == null ? null : input.toMoney();
    }

    private static Integer orZero(Integer count) {
        return count == null ? 0 : count;
    }
}
