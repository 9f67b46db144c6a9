package io.alter8.query.property;

import io.alter8.api.common.GeoPoint;
import io.alter8.api.common.WireEnum;
import io.alter8.api.property.DietaryPreference;
import io.alter8.api.property.FindProperties;
import io.alter8.api.property.FurnishingStatus;
import io.alter8.api.property.PreferredTenantType;
import io.alter8.api.property.PropertySort;
import io.alter8.api.property.PropertyType;
import io.alter8.infra.masterdata.MasterArea;
import io.alter8.infra.masterdata.MasterCity;
import io.alter8.infra.masterdata.MasterData;
import io.alter8.web.ApiException;
import io.alter8.web.FieldError;
import io.alter8.web.Paging;
import org.springframework.util.MultiValueMap;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.alter8.web.QueryParameters.bool;
import static io.alter8.web.QueryParameters.decimal;
import static io.alter8.web.QueryParameters.text;
import static io.alter8.web.QueryParameters.whole;
import static io.alter8.web.QueryParameters.wire;

/**
 * The search's query string, as text, checked all at once into a {@link FindProperties} whose values are
 * normalised (master data spelling, sorted lists, numbers without trailing zeros), so that equal searches make
 * equal cache keys.
 */
record PropertySearchParameters(String city, String area, String pincode, List<String> propertyType,
                                String subType, String minRent, String maxRent, String currency,
                                String minBedrooms, String minBathrooms, String furnishing, String petsAllowed,
                                String preferredTenantType, String dietaryPreference, String amenities,
                                String availableFrom, String q, String near, String radiusKm, String sort,
                                String page, String size) {

    static final double DEFAULT_RADIUS_KM = 10;
    static final double MAX_RADIUS_KM = 100;
    private static final int MAX_TEXT = 200;

    /** The parameters of a query string (read by hand: Spring's binding of a 22-field record costs ~2 ms a request). */
    static PropertySearchParameters from(MultiValueMap<String, String> query) {
        return new PropertySearchParameters(
                query.getFirst("city"), query.getFirst("area"), query.getFirst("pincode"), query.get("propertyType"),
                query.getFirst("subType"), query.getFirst("minRent"), query.getFirst("maxRent"),
                query.getFirst("currency"), query.getFirst("minBedrooms"), query.getFirst("minBathrooms"),
                query.getFirst("furnishing"), query.getFirst("petsAllowed"), query.getFirst("preferredTenantType"),
                query.getFirst("dietaryPreference"), query.getFirst("amenities"), query.getFirst("availableFrom"),
                query.getFirst("q"), query.getFirst("near"), query.getFirst("radiusKm"), query.getFirst("sort"),
                query.getFirst("page"), query.getFirst("size"));
    }

    FindProperties toQuery(MasterData masterData) {
        List<FieldError> errors = new ArrayList<>();
        Optional<MasterCity> cityFound = city(masterData, errors);
        String areaName = area(masterData, cityFound, errors);
        String postalCode = text(pincode);
        if (postalCode != null && !postalCode.matches("[A-Za-z0-9 -]{3,10}")) {
            errors.add(new FieldError("pincode", "must be a pincode or ZIP code"));
        }
        List<PropertyType> types = types(errors);
        BigDecimal min = decimal("minRent", minRent, errors);
        BigDecimal max = decimal("maxRent", maxRent, errors);
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.add(new FieldError("maxRent", "must not be below minRent"));
        }
        String currencyCode = currency(errors);
        Integer bedrooms = whole("minBedrooms", minBedrooms, 0, errors);
        BigDecimal bathrooms = decimal("minBathrooms", minBathrooms, errors);
        FurnishingStatus furnishingStatus = wire("furnishing", furnishing, FurnishingStatus::fromWire,
                                                 FurnishingStatus.class, errors);
        Boolean pets = bool("petsAllowed", petsAllowed, errors);
        PreferredTenantType tenantType = wire("preferredTenantType", preferredTenantType,
                                              PreferredTenantType::fromWire, PreferredTenantType.class, errors);
        DietaryPreference dietary = wire("dietaryPreference", dietaryPreference, DietaryPreference::fromWire,
                                         DietaryPreference.class, errors);
        List<String> amenityCodes = amenities(masterData, errors);
        LocalDate available = availableFrom(errors);
        String fullText = fullText(errors);
        GeoPoint point = near(errors);
        Double radius = radius(point, errors);
        Paging paging = Paging.parse(whole("page", page, errors), whole("size", size, errors), null, Set.of(), null,
                                     errors);
        Sorting sorting = sorting(point, errors);
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        return new FindProperties(cityFound.map(MasterCity::name).orElse(null), areaName, postalCode, types,
                                  lower(text(subType)), min, max, currencyCode, bedrooms, bathrooms, furnishingStatus,
                                  pets, tenantType, dietary, amenityCodes, available, fullText, point, radius,
                                  sorting.sort(), sorting.ascending(), paging.page(), paging.size());
    }

    private Optional<MasterCity> city(MasterData masterData, List<FieldError> errors) {
        String name = text(city);
        if (name == null) {
            return Optional.empty();
        }
        Optional<MasterCity> found = masterData.cities().stream().filter(c -> c.name().equalsIgnoreCase(name))
                                               .findFirst();
        if (found.isEmpty()) {
            errors.add(new FieldError("city", "unknown city (GET /api/lookups/cities lists them)"));
        }
        return found;
    }

    private String area(MasterData masterData, Optional<MasterCity> cityFound, List<FieldError> errors) {
        String name = text(area);
        if (name == null) {
            return null;
        }
        List<MasterCity> cities = cityFound.map(List::of).orElseGet(() -> text(city) == null ? masterData.cities()
                : List.of());
        Optional<MasterArea> found = cities.stream().map(c -> masterData.area(c.id(), name)).flatMap(Optional::stream)
                                           .findFirst();
        if (found.isEmpty() && (cityFound.isPresent() || text(city) == null)) {
            errors.add(new FieldError("area", cityFound.isPresent() ? "unknown area of " + cityFound.get().name()
                    : "unknown area"));
        }
        return found.map(MasterArea::name).orElse(null);
    }

    private List<PropertyType> types(List<FieldError> errors) {
        if (propertyType == null) {
            return List.of();
        }
        List<PropertyType> types = new ArrayList<>();
        for (String value : propertyType.stream().flatMap(v -> Arrays.stream(v.split(","))).toList()) {
            PropertyType type = wire("propertyType", value, PropertyType::fromWire, PropertyType.class, errors);
            if (type != null && !types.contains(type)) {
                types.add(type);
            }
        }
        return types.stream().sorted().toList();
    }

    private String currency(List<FieldError> errors) {
        String code = text(currency);
        if (code == null) {
            return null;
        }
        try {
            return Currency.getInstance(code.toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("currency", "must be a currency code such as INR or USD"));
            return null;
        }
    }

    private List<String> amenities(MasterData masterData, List<FieldError> errors) {
        String codes = text(amenities);
        if (codes == null) {
            return List.of();
        }
        List<String> wanted = Arrays.stream(codes.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                                    .map(s -> s.toLowerCase(Locale.ROOT)).distinct().sorted().toList();
        List<String> unknown = wanted.stream().filter(code -> masterData.amenity(code).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            errors.add(new FieldError("amenities", "unknown amenity codes: " + String.join(", ", unknown)
                    + " (GET /api/lookups/amenities lists them)"));
        }
        return wanted;
    }

    private LocalDate availableFrom(List<FieldError> errors) {
        String date = text(availableFrom);
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("availableFrom", "must be a date such as 2026-01-31"));
            return null;
        }
    }

    private String fullText(List<FieldError> errors) {
        String words = text(q);
        if (words != null && words.length() > MAX_TEXT) {
            errors.add(new FieldError("q", "must be at most " + MAX_TEXT + " characters"));
            return null;
        }
        return words == null ? null : words.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private GeoPoint near(List<FieldError> errors) {
        String point = text(near);
        if (point == null) {
            return null;
        }
        String[] parts = point.split(",");
        try {
            if (parts.length == 2) {
                return new GeoPoint(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        errors.add(new FieldError("near", "must be latitude,longitude in degrees, such as 12.9716,77.5946"));
        return null;
    }

    private Double radius(GeoPoint point, List<FieldError> errors) {
        String value = text(radiusKm);
        if (value == null) {
            return text(near) == null ? null : DEFAULT_RADIUS_KM;
        }
        if (text(near) == null) {
            errors.add(new FieldError("radiusKm", "needs near"));
            return null;
        }
        try {
            double radius = Double.parseDouble(value);
            if (radius > 0 && radius <= MAX_RADIUS_KM) {
                return point == null ? null : radius;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add(new FieldError("radiusKm", "must be a number above 0 and at most " + (int) MAX_RADIUS_KM));
        return null;
    }

    private record Sorting(PropertySort sort, boolean ascending) {
    }

    private Sorting sorting(GeoPoint point, List<FieldError> errors) {
        String value = text(sort);
        if (value == null) {
            return new Sorting(PropertySort.NEWEST, false);
        }
        String[] parts = value.split(",", -1);
        PropertySort by = wire("sort", parts[0], PropertySort::fromWire, PropertySort.class, errors);
        if (parts.length > 2 || parts.length == 2 && !parts[1].strip().matches("(?i)asc|desc")) {
            errors.add(new FieldError("sort", "direction must be asc or desc"));
        }
        if (by == PropertySort.DISTANCE && text(near) == null) {
            errors.add(new FieldError("sort", "distance needs near"));
        }
        if (by == null) {
            return new Sorting(PropertySort.NEWEST, false);
        }
        boolean ascending = parts.length == 2 ? parts[1].strip().equalsIgnoreCase("asc") : by.ascendingByDefault();
        return new Sorting(by, ascending);
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** The cache key: the normalised query, whose record text lists every value in a fixed order. */
    static String cacheKey(FindProperties query) {
        return "search:properties:" + sha256(Objects.toString(query));
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
