package io.alter8.query.property;

import io.alter8.api.common.Address;
import io.alter8.api.common.GeoPoint;
import io.alter8.api.common.LeaseId;
import io.alter8.api.common.MediaId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.property.DietaryPreference;
import io.alter8.api.property.FurnishingStatus;
import io.alter8.api.property.HudApproval;
import io.alter8.api.property.ListingSeo;
import io.alter8.api.property.ListingStatus;
import io.alter8.api.property.MarketData;
import io.alter8.api.property.PersonSummary;
import io.alter8.api.property.PreferredTenantType;
import io.alter8.api.property.PrimaryPhoto;
import io.alter8.api.property.PropertyAmenity;
import io.alter8.api.property.PropertyAmenityView;
import io.alter8.api.property.PropertyDetailView;
import io.alter8.api.property.PropertyLocation;
import io.alter8.api.property.PropertySpecs;
import io.alter8.api.property.PropertyStatus;
import io.alter8.api.property.PropertySummary;
import io.alter8.api.property.PropertyType;
import io.alter8.api.property.PropertyVerificationStatus;
import io.alter8.api.property.RentalTerms;
import io.alter8.api.property.TenantPreferences;
import io.alter8.api.property.TenantRelation;
import io.alter8.api.property.TenantRelationView;
import io.alter8.api.property.UnitView;
import io.alter8.api.property.VerificationView;
import io.alter8.infra.masterdata.MasterAmenity;
import io.alter8.infra.masterdata.MasterData;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.alter8.query.jdbc.Sql.instant;
import static io.alter8.query.jdbc.Sql.integer;
import static io.alter8.query.jdbc.Sql.textArray;
import static io.alter8.query.jdbc.Sql.uuid;

/** Rows of the catalog tables to views and values to columns: the one place that knows both shapes. */
final class Rows {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<PropertyAmenity>> AMENITIES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> FEATURES = new TypeReference<>() {
    };

    /** The columns a summary needs (search results, portfolios). */
    static final String SUMMARY_COLUMNS = """
            l.id, l.title, l.property_type, l.sub_type, l.city, l.area_name, l.postal_code, l.country, l.latitude,
            l.longitude, l.monthly_rent, l.rent_currency, l.bedrooms, l.bathrooms, l.furnishing, l.available_from,
            l.pets_allowed, l.amenity_codes, l.status, l.listing_status, l.verification_status, l.rating_avg,
            l.review_count, l.total_units, l.available_units, l.primary_media_id, l.media_count, l.published_at,
            l.registered_at, l.version""";

    private Rows() {
    }

    static PropertySummary summary(ResultSet rs, Double distanceKm) throws SQLException {
        return new PropertySummary(new PropertyId(uuid(rs, "id")), rs.getString("title"),
                                   PropertyType.fromWire(rs.getString("property_type")), rs.getString("sub_type"),
                                   rs.getString("city"), rs.getString("area_name"), rs.getString("postal_code"),
                                   rs.getString("country"), point(rs), rent(rs), rs.getInt("bedrooms"),
                                   rs.getBigDecimal("bathrooms"), furnishing(rs), date(rs, "available_from"),
                                   rs.getBoolean("pets_allowed"), textArray(rs, "amenity_codes"),
                                   PropertyStatus.fromWire(rs.getString("status")),
                                   ListingStatus.fromWire(rs.getString("listing_status")),
                                   PropertyVerificationStatus.fromWire(rs.getString("verification_status")),
                                   rs.getBigDecimal("rating_avg"), rs.getInt("review_count"),
                                   rs.getInt("total_units"), rs.getInt("available_units"), primaryPhoto(rs),
                                   rs.getInt("media_count"), distanceKm,
                                   instant(rs, "published_at"), instant(rs, "registered_at"), rs.getLong("version"));
    }

    /** A listing row ({@code SELECT *}) with its units; people carry ids only (names are filled in per request). */
    static PropertyDetailView detail(ResultSet rs, List<UnitView> units, MasterData masterData) throws SQLException {
        String currency = rs.getString("rent_currency");
        var specs = new PropertySpecs(rs.getString("sub_type"), rs.getBigDecimal("carpet_area"),
                                      rs.getBigDecimal("built_up_area"), rs.getBigDecimal("super_built_up_area"),
                                      rs.getBigDecimal("plot_area"), rs.getInt("bedrooms"),
                                      rs.getBigDecimal("bathrooms"), integer(rs, "balconies"),
                                      integer(rs, "parking_spaces"), integer(rs, "floor_number"),
                                      integer(rs, "total_floors"), furnishing(rs), integer(rs, "property_age"),
                                      integer(rs, "construction_year"));
        var location = new PropertyLocation(
                new Address(rs.getString("address_line1"), rs.getString("address_line2"), rs.getString("city"),
                            rs.getString("state"), rs.getString("postal_code"), rs.getString("country")),
                rs.getString("landmark"), rs.getString("area_name"), point(rs), integer(rs, "location_accuracy"));
        var terms = new RentalTerms(rent(rs), money(rs, "security_deposit", currency),
                                    money(rs, "maintenance_charge", currency), money(rs, "brokerage", currency),
                                    date(rs, "available_from"), integer(rs, "lease_duration_months"));
        var preferences = new TenantPreferences(rs.getBoolean("pets_allowed"),
                                                PreferredTenantType.fromWire(rs.getString("preferred_tenant_type")),
                                                DietaryPreference.fromWire(rs.getString("dietary_preference")));
        var seo = new ListingSeo(rs.getString("slug"), rs.getString("meta_title"), rs.getString("meta_description"));
        var market = new MarketData(money(rs, "market_value", rs.getString("market_value_currency")),
                                    money(rs, "price_per_sqft", rs.getString("price_per_sqft_currency")));
        List<PropertyAmenityView> amenities = JSON.readValue(rs.getString("amenities"), AMENITIES).stream()
                                                  .map(a -> amenity(a, masterData)).toList();
        var verification = new VerificationView(
                PropertyVerificationStatus.fromWire(rs.getString("verification_status")), instant(rs, "verified_at"),
                userId(rs, "verified_by"), rs.getString("verification_notes"));
        var hud = new HudApproval(rs.getBoolean("hud_approved"), date(rs, "hud_approval_date"),
                                  rs.getString("hud_program_type"));
        return new PropertyDetailView(new PropertyId(uuid(rs, "id")), person(rs, "owner_id"),
                                      person(rs, "listing_agent_id"), person(rs, "property_manager_id"),
                                      rs.getString("title"), rs.getString("description"),
                                      PropertyType.fromWire(rs.getString("property_type")), specs, location, terms,
                                      preferences, seo, market, amenities, units, rs.getInt("total_units"),
                                      rs.getInt("available_units"), PropertyStatus.fromWire(rs.getString("status")),
                                      ListingStatus.fromWire(rs.getString("listing_status")), verification, hud,
                                      rs.getBigDecimal("rating_avg"), rs.getInt("review_count"), primaryPhoto(rs),
                                      rs.getInt("media_count"), instant(rs, "published_at"), instant(rs, "registered_at"),
                                      instant(rs, "updated_at"), rs.getLong("version"));
    }

    private static PrimaryPhoto primaryPhoto(ResultSet rs) throws SQLException {
        UUID media = uuid(rs, "primary_media_id");
        return media == null ? null : PrimaryPhoto.of(new PropertyId(uuid(rs, "id")), new MediaId(media));
    }

    static UnitView unit(ResultSet rs) throws SQLException {
        UUID lease = uuid(rs, "lease_id");
        return new UnitView(new UnitId(uuid(rs, "id")), rs.getString("unit_number"), rs.getInt("bedrooms"),
                            rs.getBigDecimal("bathrooms"), rs.getBigDecimal("area_sqft"),
                            money(rs, "monthly_rent", rs.getString("rent_currency")),
                            JSON.readValue(rs.getString("features"), FEATURES), textArray(rs, "amenities"),
                            rs.getBoolean("occupied"), lease == null ? null : new LeaseId(lease));
    }

    /** A row of tenant_relation with the property's title, the unit's number and the tenant's directory entry. */
    static TenantRelationView tenantRelation(ResultSet rs) throws SQLException {
        UUID unit = uuid(rs, "unit_id");
        UUID lease = uuid(rs, "lease_id");
        return new TenantRelationView(
                new TenantRelationView.Tenant(new UserId(uuid(rs, "tenant_id")), rs.getString("first_name"),
                                              rs.getString("last_name"), rs.getString("phone_masked")),
                new PropertyId(uuid(rs, "property_id")), rs.getString("title"),
                unit == null ? null : new UnitId(unit), rs.getString("unit_number"),
                lease == null ? null : new LeaseId(lease), TenantRelation.fromWire(rs.getString("relation")),
                instant(rs, "since"), instant(rs, "ended_at"));
    }

    private static PropertyAmenityView amenity(PropertyAmenity amenity, MasterData masterData) {
        var master = masterData.amenity(amenity.code());
        return new PropertyAmenityView(amenity.code(), master.map(MasterAmenity::name).orElse(null),
                                       master.map(MasterAmenity::category).orElse(null), amenity.description(),
                                       amenity.available(), amenity.additionalCost());
    }

    private static PersonSummary person(ResultSet rs, String column) throws SQLException {
        UUID id = uuid(rs, column);
        return id == null ? null : new PersonSummary(new UserId(id), null);
    }

    private static UserId userId(ResultSet rs, String column) throws SQLException {
        UUID id = uuid(rs, column);
        return id == null ? null : new UserId(id);
    }

    private static Money rent(ResultSet rs) throws SQLException {
        return new Money(rs.getBigDecimal("monthly_rent"), rs.getString("rent_currency"));
    }

    private static Money money(ResultSet rs, String column, String currency) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(column);
        return amount == null || currency == null ? null : new Money(amount, currency);
    }

    private static GeoPoint point(ResultSet rs) throws SQLException {
        double latitude = rs.getDouble("latitude");
        return rs.wasNull() ? null : new GeoPoint(latitude, rs.getDouble("longitude"));
    }

    private static FurnishingStatus furnishing(ResultSet rs) throws SQLException {
        String value = rs.getString("furnishing");
        return value == null ? null : FurnishingStatus.fromWire(value);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
