package io.alter8.command.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.property.PropertyType;
import io.alter8.api.property.RegisterProperty;
import io.alter8.command.web.AddressInput;
import io.alter8.command.web.GeoPointInput;
import io.alter8.command.web.MoneyInput;
import io.alter8.command.web.OneOf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/** {@code POST /api/properties}. {@code id} is optional: send one to make retries safe without a key. */
record RegisterPropertyRequest(UUID id,
                               @NotBlank @Size(max = 255) String title,
                               @Size(max = 10_000) String description,
                               @NotNull @OneOf(PropertyType.class) String propertyType,
                               @NotNull @Valid AddressInput address,
                               @Valid GeoPointInput location,
                               @NotNull @Min(0) @Max(100) Integer bedrooms,
                               @NotNull @DecimalMin("0") @DecimalMax("100") @HalfSteps BigDecimal bathrooms,
                               @NotNull @Valid MoneyInput monthlyRent) {

    RegisterProperty toCommand(PropertyId propertyId) {
        return new RegisterProperty(propertyId, title.strip(),
                                    description == null || description.isBlank() ? null : description.strip(),
                                    PropertyType.fromWire(propertyType), address.toAddress(),
                                    location == null ? null : location.toGeoPoint(), bedrooms,
                                    bathrooms.setScale(1, RoundingMode.UNNECESSARY), monthlyRent.toMoney());
    }
}
