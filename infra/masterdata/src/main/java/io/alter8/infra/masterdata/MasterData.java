package io.alter8.infra.masterdata;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The master data of this service's schema. It changes only by migration, so it is read once, on first use (after
 * Flyway ran), and kept in memory: checking input against it costs no query. Names match case-insensitively.
 */
public class MasterData {

    private final JdbcTemplate jdbc;
    private volatile Snapshot snapshot;

    public MasterData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<MasterCity> cities() {
        return snapshot().cities;
    }

    public List<MasterCity> cities(String country) {
        return cities().stream().filter(city -> city.country().equalsIgnoreCase(country)).toList();
    }

    public Optional<MasterCity> city(String country, String name) {
        return Optional.ofNullable(snapshot().citiesByKey.get(key(country, name)));
    }

    public List<MasterArea> areas(UUID cityId) {
        return snapshot().areasByCity.getOrDefault(cityId, List.of());
    }

    public Optional<MasterArea> area(UUID cityId, String name) {
        return areas(cityId).stream().filter(area -> area.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    public List<MasterAmenity> amenities() {
        return snapshot().amenities;
    }

    public Optional<MasterAmenity> amenity(String code) {
        return Optional.ofNullable(snapshot().amenitiesByCode.get(code));
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                if (snapshot == null) {
                    snapshot = load();
                }
                current = snapshot;
            }
        }
        return current;
    }

    private Snapshot load() {
        List<MasterCity> cities = jdbc.query("""
                SELECT id, country, city_name, state_name, state_code, latitude, longitude
                FROM master_city WHERE is_active ORDER BY country, city_name""",
                (rs, row) -> new MasterCity(rs.getObject("id", UUID.class), rs.getString("country"),
                                            rs.getString("city_name"), rs.getString("state_name"),
                                            rs.getString("state_code"), rs.getBigDecimal("latitude"),
                                            rs.getBigDecimal("longitude")));
        List<MasterArea> areas = jdbc.query("""
                SELECT id, city_id, area_name, postal_code, area_type, is_popular FROM master_area
                ORDER BY area_name""",
                (rs, row) -> new MasterArea(rs.getObject("id", UUID.class), rs.getObject("city_id", UUID.class),
                                            rs.getString("area_name"), rs.getString("postal_code"),
                                            rs.getString("area_type"), rs.getBoolean("is_popular")));
        List<MasterAmenity> amenities = jdbc.query("""
                SELECT code, amenity_name, amenity_category, icon_name, is_premium FROM master_amenity
                ORDER BY amenity_name""",
                (rs, row) -> new MasterAmenity(rs.getString("code"), rs.getString("amenity_name"),
                                               rs.getString("amenity_category"), rs.getString("icon_name"),
                                               rs.getBoolean("is_premium")));
        return new Snapshot(List.copyOf(cities),
                            cities.stream().collect(Collectors.toUnmodifiableMap(
                                    city -> key(city.country(), city.name()), Function.identity())),
                            areas.stream().collect(Collectors.groupingBy(MasterArea::cityId, Collectors.collectingAndThen(
                                    Collectors.toList(), list -> list.stream()
                                                                     .sorted(Comparator.comparing(MasterArea::name))
                                                                     .toList()))),
                            List.copyOf(amenities),
                            amenities.stream().collect(Collectors.toUnmodifiableMap(MasterAmenity::code,
                                                                                    Function.identity())));
    }

    private static String key(String country, String name) {
        return country.strip().toUpperCase(Locale.ROOT) + ":" + name.strip().toLowerCase(Locale.ROOT);
    }

    private record Snapshot(List<MasterCity> cities,
                            Map<String, MasterCity> citiesByKey,
                            Map<UUID, List<MasterArea>> areasByCity,
                            List<MasterAmenity> amenities,
                            Map<String, MasterAmenity> amenitiesByCode) {
    }
}
