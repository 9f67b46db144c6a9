package io.alter8.command.web;

import io.alter8.api.common.GeoPoint;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

public record GeoPointInput(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
                            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {

    public GeoPoint toGeoPoint() {
        return new GeoPoint(latitude, longitude);
    }
}
