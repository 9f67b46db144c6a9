package io.alter8.api.common;

import io.alter8.api.property.PropertyType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON shapes docs/api.md promises, and the checks value types make on themselves. */
class ValueTypesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void moneyTravelsAsADecimalStringWithTheCurrencysDecimals() {
        Money rent = Money.of("25000", "INR");
        assertThat(json.writeValueAsString(rent)).isEqualTo("{\"amount\":\"25000.00\",\"currency\":\"INR\"}");
        assertThat(json.readValue("{\"amount\":\"25000.0\",\"currency\":\"INR\"}", Money.class)).isEqualTo(rent);
    }

    @Test
    void moneyRefusesUnknownCurrenciesAndTooManyDecimals() {
        assertThatThrownBy(() -> Money.of("1", "XXY")).hasMessage("unknown currency XXY");
        assertThatThrownBy(() -> Money.of("1.005", "USD")).hasMessage("USD takes at most 2 decimals");
    }

    @Test
    void typedIdsAreWrittenAsPlainStrings() {
        UUID uuid = UUID.randomUUID();
        PropertyId id = new PropertyId(uuid);
        assertThat(id.toString()).isEqualTo(uuid.toString());
        assertThat(json.writeValueAsString(id)).isEqualTo("\"" + uuid + "\"");
        assertThat(json.readValue("\"" + uuid + "\"", PropertyId.class)).isEqualTo(id);
        assertThatThrownBy(() -> PropertyId.of("nope")).hasMessage("property id must be a UUID");
    }

    @Test
    void enumsUseTheSeedsSpelling() {
        assertThat(json.writeValueAsString(PropertyType.SINGLE_FAMILY)).isEqualTo("\"single_family\"");
        assertThat(json.readValue("\"multi_family\"", PropertyType.class)).isEqualTo(PropertyType.MULTI_FAMILY);
        assertThatThrownBy(() -> PropertyType.fromWire("castle")).hasMessageStartingWith("must be one of: apartment");
    }

    @Test
    void coordinatesStayOnEarth() {
        assertThatThrownBy(() -> new GeoPoint(200, 0)).hasMessage("latitude must be between -90 and 90");
        assertThatThrownBy(() -> new GeoPoint(0, 181)).hasMessage("longitude must be between -180 and 180");
        assertThat(new GeoPoint(12.97, 77.59).latitude()).isEqualTo(12.97);
    }

    @Test
    void anAddressNeedsItsPostalParts() {
        assertThatThrownBy(() -> new Address("1 Road", null, " ", "KA", "560001", "IN"))
                .hasMessage("city must not be blank");
        assertThat(new Address("1 Road", null, "Pune", "MH", "411001", "IN").country()).isEqualTo("IN");
    }
}
