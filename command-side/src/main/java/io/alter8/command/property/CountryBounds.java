package io.alter8.command.property;

import io.alter8.api.common.GeoPoint;

import java.util.List;
import java.util.Map;

/**
 * Where a property of each market may lie: boxes of latitude and longitude, as the marketplace
 * model's {@code check_india_coordinates} constraint does for India. They catch swapped or mistyped coordinates, not
 * borders: a box is generous at the edges.
 * <ul>
 *   <li>India: latitude 6.0–37.6, longitude 68.7–97.25 (marketplace model).</li>
 *   <li>United States, per the US Census Bureau's state bounding boxes: the contiguous states (24.39–49.39 N,
 *       124.85–66.88 W), Alaska (51.21–71.44 N, 179.15–129.97 W; the Aleutians west of the antimeridian are left
 *       out) and Hawaii (18.86–28.52 N, 178.45–154.75 W, the main islands and the northwestern chain).</li>
 * </ul>
 */
final class CountryBounds {

    private record Box(double south, double north, double west, double east) {

        boolean contains(GeoPoint point) {
            return point.latitude() >= south && point.latitude() <= north
                    && point.longitude() >= west && point.longitude() <= east;
        }
    }

    private static final Map<String, List<Box>> BOXES = Map.of(
            "IN", List.of(new Box(6.0, 37.6, 68.7, 97.25)),
            "US", List.of(new Box(24.39, 49.39, -124.85, -66.88),
                          new Box(51.21, 71.44, -179.15, -129.97),
                          new Box(18.86, 28.52, -178.45, -154.75)));

    private CountryBounds() {
    }

    /** True when the point lies in the country, or when Alter8 has no bounds for the country. */
    static boolean contains(String country, GeoPoint point) {
        List<Box> boxes = BOXES.get(country);
        return boxes == null || boxes.stream().anyMatch(box -> box.contains(point));
    }
}
