package io.alter8.command.property;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.property.OccupyUnit;
import io.alter8.api.property.VacateUnit;
import io.alter8.command.NotFound;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@link Lettings} from the Property aggregate. Facts are read by loading the aggregate in the caller's unit of
 * work; occupancy changes are commands to it, nested in the caller's unit of work, so a refusal rolls the lease's
 * change back too.
 */
@Component
class AggregateLettings implements Lettings {

    private final Repository<Property> properties;
    private final CommandGateway gateway;

    AggregateLettings(Repository<Property> properties, CommandGateway gateway) {
        this.properties = properties;
        this.gateway = gateway;
    }

    @Override
    public LettableUnit unitToLet(PropertyId propertyId, UnitId unitId) {
        try {
            return properties.load(propertyId.toString()).invoke(property -> property.unitToLet(unitId));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            // Another kind of aggregate's id is no property either.
            throw new NotFound("no property " + propertyId);
        }
    }

    @Override
    public void occupy(PropertyId propertyId, UnitId unitId, LeaseId leaseId, List<UserId> tenants) {
        gateway.sendAndWait(new OccupyUnit(propertyId, unitId, leaseId, tenants));
    }

    @Override
    public void vacate(PropertyId propertyId, UnitId unitId, LeaseId leaseId) {
        gateway.sendAndWait(new VacateUnit(propertyId, unitId, leaseId));
    }
}
