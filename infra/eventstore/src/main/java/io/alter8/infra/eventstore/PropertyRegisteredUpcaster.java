package io.alter8.infra.eventstore;

import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code PropertyRegistered} revision 1 (title, description, type, address, coordinates, bedrooms, bathrooms, rent)
 * as revision 2 (the owner and every field of both data models, grouped).
 * <ul>
 *   <li>{@code ownerId} and {@code registeredBy}: the {@code userId} of the event's metadata (who registered it:
 *       the only owner such an event knows), else the nil UUID as owner (only admins act on such a property) and no
 *       registrar.</li>
 *   <li>{@code location}: the address and coordinates, no landmark, area or accuracy.</li>
 *   <li>{@code specs}: the bedrooms and bathrooms; defaults for the rest (unfurnished, no balconies or
 *       parking), areas unknown.</li>
 *   <li>{@code terms}: the rent and a 12-month lease; preferences: the defaults (no pets, anyone); no slug,
 *       market data or amenities.</li>
 * </ul>
 * An upcaster turns one event into one event: revision 1 had no units and gets no {@code UnitAdded}. Such a property
 * has one implicit unit, which the property aggregate (and the read side) derive from it: unit id = property id,
 * number 1, the property's rooms, area and rent.
 * <p>
 * It lives here, with the serializer, so that the command side's event store and the query side's processors both
 * read old events the same way.
 */
public class PropertyRegisteredUpcaster extends RevisionUpcaster {

    static final String TYPE = "io.alter8.api.property.PropertyRegistered";
    static final String NIL_UUID = "00000000-0000-0000-0000-000000000000";

    public PropertyRegisteredUpcaster() {
        super(TYPE, "1", "2");
    }

    @Override
    protected ObjectNode revise(ObjectNode event, IntermediateEventRepresentation representation) {
        Object userId = representation.getMetaData().getObject().get("userId");
        String registrar = userId == null || userId.toString().isBlank() ? null : userId.toString();
        return revision2(event, registrar);
    }

    static ObjectNode revision2(ObjectNode old, String registrar) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode event = json.objectNode();
        event.set("propertyId", old.get("propertyId"));
        event.put("ownerId", registrar == null ? NIL_UUID : registrar);
        event.set("title", old.get("title"));
        event.set("description", old.get("description"));
        event.set("propertyType", old.get("propertyType"));

        ObjectNode specs = event.putObject("specs");
        specs.putNull("subType");
        specs.putNull("carpetArea");
        specs.putNull("builtUpArea");
        specs.putNull("superBuiltUpArea");
        specs.putNull("plotArea");
        specs.set("bedrooms", old.get("bedrooms"));
        specs.set("bathrooms", old.get("bathrooms"));
        specs.put("balconies", 0);
        specs.put("parkingSpaces", 0);
        specs.putNull("floorNumber");
        specs.putNull("totalFloors");
        specs.put("furnishing", "unfurnished");
        specs.putNull("propertyAge");
        specs.putNull("constructionYear");

        ObjectNode location = event.putObject("location");
        location.set("address", old.get("address"));
        location.putNull("landmark");
        location.putNull("areaName");
        location.set("coordinates", orNull(old.get("location")));
        location.putNull("accuracyMeters");

        ObjectNode terms = event.putObject("terms");
        terms.set("monthlyRent", old.get("monthlyRent"));
        terms.putNull("securityDeposit");
        terms.putNull("maintenanceCharge");
        terms.putNull("brokerage");
        terms.putNull("availableFrom");
        terms.put("leaseDurationMonths", 12);

        ObjectNode preferences = event.putObject("preferences");
        preferences.put("petsAllowed", false);
        preferences.put("preferredTenantType", "any");
        preferences.put("dietaryPreference", "any");

        ObjectNode seo = event.putObject("seo");
        seo.putNull("slug");
        seo.putNull("metaTitle");
        seo.putNull("metaDescription");

        ObjectNode marketData = event.putObject("marketData");
        marketData.putNull("marketValue");
        marketData.putNull("pricePerSqft");

        event.putArray("amenities");
        if (registrar == null) {
            event.putNull("registeredBy");
        } else {
            event.put("registeredBy", registrar);
        }
        return event;
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? JsonNodeFactory.instance.nullNode() : node;
    }
}
