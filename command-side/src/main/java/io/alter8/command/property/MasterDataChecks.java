package io.alter8.command.property;

import io.alter8.command.property.PropertyInputs.LocationInput;
import io.alter8.infra.masterdata.MasterCity;
import io.alter8.infra.masterdata.MasterData;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * Input checked against the master data (marketplace model {@code master_cities}, {@code master_areas},
 * {@code master_amenities}): Alter8 lists properties only in its cities, in their localities, with amenities it
 * knows. Checked where input arrives, as one more bad field in the 400 — the events then carry names that the read
 * side can join. Spring builds these validators, so they get the service's {@link MasterData}.
 */
final class MasterDataChecks {

    private MasterDataChecks() {
    }

    /** The city is a master city of the address's country, the state is that city's, the area one of its areas. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = PlaceValidator.class)
    @interface KnownPlace {

        String message() default "is not a known place";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = AmenityValidator.class)
    @interface KnownAmenity {

        String message() default "is not a known amenity code (see the amenities lookup)";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static class PlaceValidator implements ConstraintValidator<KnownPlace, LocationInput> {

        private final MasterData masterData;

        PlaceValidator(MasterData masterData) {
            this.masterData = masterData;
        }

        @Override
        public boolean isValid(LocationInput location, ConstraintValidatorContext context) {
            if (location == null || location.address() == null || isBlank(location.address().city())
                    || isBlank(location.address().country())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            String country = location.address().country().strip();
            Optional<MasterCity> city = masterData.city(country, location.address().city());
            if (city.isEmpty()) {
                context.buildConstraintViolationWithTemplate("is not a city Alter8 lists in " + country)
                       .addPropertyNode("address").addPropertyNode("city").addConstraintViolation();
                return false;
            }
            boolean valid = true;
            String state = location.address().state();
            if (!isBlank(state) && !state.strip().equalsIgnoreCase(city.get().stateName())
                    && !state.strip().equalsIgnoreCase(city.get().stateCode())) {
                context.buildConstraintViolationWithTemplate("must be " + city.get().stateName() + ", the state of "
                                                                     + city.get().name())
                       .addPropertyNode("address").addPropertyNode("state").addConstraintViolation();
                valid = false;
            }
            if (!isBlank(location.areaName())
                    && masterData.area(city.get().id(), location.areaName()).isEmpty()) {
                context.buildConstraintViolationWithTemplate("is not an area of " + city.get().name())
                       .addPropertyNode("areaName").addConstraintViolation();
                valid = false;
            }
            return valid;
        }
    }

    static class AmenityValidator implements ConstraintValidator<KnownAmenity, String> {

        private final MasterData masterData;

        AmenityValidator(MasterData masterData) {
            this.masterData = masterData;
        }

        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            return isBlank(code) || masterData.amenity(code.strip()).isPresent();
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
