package io.alter8.command.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.command.AggregateQuestions;
import io.alter8.command.NotFound;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** {@link Lettings} from the Property aggregate, loaded in the caller's unit of work. */
@Component
class AggregateLettings implements Lettings {

    private final Repository<Property> properties;

    AggregateLettings(Repository<Property> properties) {
        this.properties = properties;
    }

    @Override
    public LettableUnit unitToLet(PropertyId propertyId, UnitId unitId) {
        // Another kind of aggregate's id is no property either.
        return AggregateQuestions.ask(properties, propertyId, property -> property.unitToLet(unitId))
                                 .orElseThrow(() -> new NotFound("no property " + propertyId));
    }
}
