package io.alter8.command.property;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.UnitId;
import io.alter8.api.property.AddUnit;
import io.alter8.api.property.HandOverUnit;
import io.alter8.api.property.OccupyUnit;
import io.alter8.api.property.PropertySpecs;
import io.alter8.api.property.PropertyType;
import io.alter8.api.property.RemoveUnit;
import io.alter8.api.property.ReviseUnit;
import io.alter8.api.property.UnitAdded;
import io.alter8.api.property.UnitOccupied;
import io.alter8.api.property.UnitRemoved;
import io.alter8.api.property.UnitRevised;
import io.alter8.api.property.UnitSpec;
import io.alter8.api.property.UnitVacated;
import io.alter8.api.property.VacateUnit;
import io.alter8.api.user.Actor;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotFound;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.alter8.command.CommandArguments.actor;
import static io.alter8.command.CommandArguments.required;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The units of a {@link Property} and their occupancy: unit numbers are distinct, a property keeps at least one unit,
 * a single-unit property has exactly one, and a unit is held by at most one lease at a time. Occupancy comes only
 * from the leasing process ({@link OccupyUnit}, {@link VacateUnit}, and {@link HandOverUnit} to a renewal); the
 * property's {@code rented} status follows from it.
 * <p>
 * A property registered before revision 2 of its registration has no {@link UnitAdded}: it has one implicit unit
 * (id = the property id, number 1, rooms, area and rent of the property). The first command that touches its units
 * records that unit as a {@link UnitAdded} first.
 */
class Units {

    static final Set<PropertyType> MULTI_UNIT_TYPES = EnumSet.of(PropertyType.MULTI_FAMILY, PropertyType.COMMERCIAL,
                                                                 PropertyType.PG);
    private static final String FIRST_UNIT_NUMBER = "1";

    /** A unit, and the lease that holds it ({@code null}: vacant). */
    record Unit(UnitSpec spec, LeaseId lease) {

        boolean occupied() {
            return lease != null;
        }
    }

    /** Who may act, the property's type, currency and lifecycle: the root decides those. */
    private final Property property;
    /** False only for properties registered before revision 2, until their implicit unit is recorded. */
    private boolean recorded;
    private final Map<UnitId, Unit> units = new LinkedHashMap<>();
    /** The units the registration made, so that a retried registration is recognised. */
    private final List<UnitSpec> atRegistration = new ArrayList<>();

    Units(Property property) {
        this.property = property;
    }

    @CommandHandler
    void handle(AddUnit command) {
        Actor by = actor(command.requestedBy());
        property.people().requireMayRun(by);
        property.requireNotSold();
        if (!property.isMultiUnit()) {
            throw new DomainRuleViolation("single-unit-property",
                                          "a " + property.type().wire() + " has exactly one unit");
        }
        UnitSpec spec = command.spec();
        PropertyChecks.unit(spec, property.currency());
        recordImplicitUnit();
        Unit existing = units.get(command.unitId());
        if (existing != null) {
            if (existing.spec().equals(spec)) {
                return;
            }
            throw new DomainRuleViolation("unit-exists", "unit " + command.unitId() + " exists with other details");
        }
        List<String> numbers = new ArrayList<>(units.values().stream().map(u -> u.spec().unitNumber()).toList());
        numbers.add(spec.unitNumber());
        PropertyChecks.distinctNumbers(numbers);
        apply(new UnitAdded(property.id(), command.unitId(), spec));
        property.settleOccupancy();
    }

    @CommandHandler
    void handle(ReviseUnit command) {
        Actor by = actor(command.requestedBy());
        property.people().requireMayRun(by);
        property.requireNotSold();
        UnitSpec spec = command.spec();
        PropertyChecks.unit(spec, property.currency());
        recordImplicitUnit();
        Unit unit = unit(command.unitId());
        if (unit.spec().equals(spec)) {
            return;
        }
        PropertyChecks.distinctNumbers(units.entrySet().stream()
                                            .map(e -> e.getKey().equals(command.unitId())
                                                    ? spec.unitNumber() : e.getValue().spec().unitNumber())
                                            .toList());
        apply(new UnitRevised(property.id(), command.unitId(), spec));
    }

    @CommandHandler
    void handle(RemoveUnit command) {
        Actor by = actor(command.requestedBy());
        property.people().requireMayRun(by);
        property.requireNotSold();
        recordImplicitUnit();
        Unit unit = unit(command.unitId());
        if (unit.occupied()) {
            throw new DomainRuleViolation("unit-occupied", "an occupied unit cannot be removed");
        }
        if (units.size() == 1) {
            throw new DomainRuleViolation("last-unit", "a property keeps at least one unit");
        }
        apply(new UnitRemoved(property.id(), command.unitId(), unit.spec().unitNumber()));
        property.settleOccupancy();
    }

    /** From the leasing process: a lease of the unit became active. Again with the same lease, nothing changes. */
    @CommandHandler
    void handle(OccupyUnit command) {
        required(command.leaseId(), "leaseId");
        property.requireLettable();
        if (command.tenants().isEmpty()) {
            throw new DomainRuleViolation("missing-tenants", "a lease has at least one tenant");
        }
        recordImplicitUnit();
        Unit unit = unit(command.unitId());
        if (command.leaseId().equals(unit.lease())) {
            return;
        }
        if (unit.occupied()) {
            throw new DomainRuleViolation("unit-occupied", "the unit is occupied under another lease");
        }
        apply(new UnitOccupied(property.id(), command.unitId(), command.leaseId(), command.tenants()));
        property.settleOccupancy();
    }

    /** From the leasing process: the lease that held the unit ended. Again, nothing changes. */
    @CommandHandler
    void handle(VacateUnit command) {
        required(command.leaseId(), "leaseId");
        Unit unit = all().get(command.unitId());
        if (unit == null) {
            throw unknownUnit(command.unitId());
        }
        if (!unit.occupied()) {
            return;
        }
        if (!command.leaseId().equals(unit.lease())) {
            throw new DomainRuleViolation("other-lease", "the unit is held by another lease");
        }
        apply(new UnitVacated(property.id(), command.unitId(), command.leaseId()));
        property.settleOccupancy();
    }

    /**
     * From the leasing process: a renewal came into force, and the unit passes from the lease it renews straight to
     * it, occupied throughout (the property stays rented). Again, nothing changes; a unit the renewed lease does not
     * hold is refused.
     */
    @CommandHandler
    void handle(HandOverUnit command) {
        LeaseId from = required(command.fromLeaseId(), "fromLeaseId");
        LeaseId to = required(command.toLeaseId(), "toLeaseId");
        property.requireLettable();
        if (command.tenants().isEmpty()) {
            throw new DomainRuleViolation("missing-tenants", "a lease has at least one tenant");
        }
        recordImplicitUnit();
        Unit unit = unit(command.unitId());
        if (to.equals(unit.lease())) {
            return;
        }
        if (!from.equals(unit.lease())) {
            throw new DomainRuleViolation("other-lease", "the unit is not held by the lease renewed");
        }
        apply(new UnitOccupied(property.id(), command.unitId(), to, command.tenants()));
    }

    /** The unit a lease would take: the one named, or ({@code null}) the only one. */
    UnitId toLet(UnitId unitId) {
        Map<UnitId, Unit> all = all();
        if (unitId == null) {
            if (all.size() != 1) {
                throw new DomainRuleViolation("unit-required", "the property has several units: name one (unitId)");
            }
            return all.keySet().iterator().next();
        }
        if (!all.containsKey(unitId)) {
            throw unknownUnit(unitId);
        }
        return unitId;
    }

    int count() {
        return all().size();
    }

    boolean everyUnitOccupied() {
        return all().values().stream().allMatch(Unit::occupied);
    }

    /** Whether the registration made exactly these units (for recognising a retried registration). */
    boolean madeAtRegistration(List<UnitSpec> specs) {
        return atRegistration.equals(specs);
    }

    /**
     * A single-unit property is let as a whole: its unit's rent is the property's. (An implicit unit follows the
     * property by itself.)
     */
    void followRent(Money rent) {
        if (property.isMultiUnit() || !recorded) {
            return;
        }
        for (Map.Entry<UnitId, Unit> entry : List.copyOf(units.entrySet())) {
            UnitSpec spec = entry.getValue().spec();
            if (!spec.monthlyRent().equals(rent)) {
                apply(new UnitRevised(property.id(), entry.getKey(),
                                      new UnitSpec(spec.unitNumber(), spec.bedrooms(), spec.bathrooms(),
                                                   spec.areaSqft(), rent, spec.features(), spec.amenities())));
            }
        }
    }

    /** Records the implicit unit of a property registered before revision 2, so that the read side knows it. */
    void recordImplicitUnit() {
        if (!recorded) {
            apply(new UnitAdded(property.id(), implicitUnitId(), property.implicitUnit()));
        }
    }

    /** The one unit of a property let as a whole: its rooms, its first given area (built-up, carpet, super, plot). */
    static UnitSpec wholeProperty(PropertySpecs specs, Money rent) {
        if (specs == null) {
            throw new DomainRuleViolation("missing-specs", "specs are required");
        }
        var area = specs.builtUpArea() != null ? specs.builtUpArea()
                : specs.carpetArea() != null ? specs.carpetArea()
                : specs.superBuiltUpArea() != null ? specs.superBuiltUpArea() : specs.plotArea();
        return new UnitSpec(FIRST_UNIT_NUMBER, specs.bedrooms(), specs.bathrooms(), area, rent, Map.of(), List.of());
    }

    /** Only multi-unit types (multi-family, commercial, PG) have other than one unit. */
    static void requireFit(PropertyType type, int count) {
        if (!MULTI_UNIT_TYPES.contains(type) && count != 1) {
            throw new DomainRuleViolation("single-unit-property", "a " + type.wire() + " has exactly one unit");
        }
    }

    /** The units, with the implicit one of a property registered before revision 2. */
    private Map<UnitId, Unit> all() {
        if (recorded) {
            return units;
        }
        return Map.of(implicitUnitId(), new Unit(property.implicitUnit(), null));
    }

    private UnitId implicitUnitId() {
        return new UnitId(property.id().value());
    }

    private Unit unit(UnitId unitId) {
        Unit unit = units.get(unitId);
        if (unit == null) {
            throw unknownUnit(unitId);
        }
        return unit;
    }

    private static NotFound unknownUnit(UnitId unitId) {
        return new NotFound("no unit " + unitId + " in this property");
    }

    // ------------------------------------------------------------------------------------------------------ state

    @EventSourcingHandler
    void on(UnitAdded event) {
        if (event.unitId().equals(Property.registeredUnitId(property.id(), event.spec()))) {
            atRegistration.add(event.spec());
        }
        recorded = true;
        units.put(event.unitId(), new Unit(event.spec(), null));
    }

    @EventSourcingHandler
    void on(UnitRevised event) {
        units.computeIfPresent(event.unitId(), (unitId, unit) -> new Unit(event.spec(), unit.lease()));
    }

    @EventSourcingHandler
    void on(UnitRemoved event) {
        units.remove(event.unitId());
    }

    @EventSourcingHandler
    void on(UnitOccupied event) {
        units.computeIfPresent(event.unitId(), (unitId, unit) -> new Unit(unit.spec(), event.leaseId()));
    }

    @EventSourcingHandler
    void on(UnitVacated event) {
        units.computeIfPresent(event.unitId(), (unitId, unit) -> new Unit(unit.spec(), null));
    }
}
