package io.alter8.command.property;

import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.property.AmenitiesChanged;
import io.alter8.api.property.ChangeAmenities;
import io.alter8.api.property.ChangeListingStatus;
import io.alter8.api.property.ChangeMonthlyRent;
import io.alter8.api.property.ChangePropertyStatus;
import io.alter8.api.property.ChangeRentalTerms;
import io.alter8.api.property.HudApproval;
import io.alter8.api.property.HudApprovalRecorded;
import io.alter8.api.property.ImportProperty;
import io.alter8.api.property.ListingSeo;
import io.alter8.api.property.ListingStatus;
import io.alter8.api.property.ListingStatusChanged;
import io.alter8.api.property.MarketData;
import io.alter8.api.property.MonthlyRentChanged;
import io.alter8.api.property.PropertyAmenity;
import io.alter8.api.property.PropertyDetailsRevised;
import io.alter8.api.property.PropertyLocation;
import io.alter8.api.property.PropertyManagerChanged;
import io.alter8.api.property.PropertyRegistered;
import io.alter8.api.property.PropertySpecs;
import io.alter8.api.property.PropertyStatus;
import io.alter8.api.property.PropertyStatusChanged;
import io.alter8.api.property.PropertyType;
import io.alter8.api.property.RecordHudApproval;
import io.alter8.api.property.RegisterProperty;
import io.alter8.api.property.RentalTerms;
import io.alter8.api.property.RentalTermsChanged;
import io.alter8.api.property.RevisePropertyDetails;
import io.alter8.api.property.TenantPreferences;
import io.alter8.api.property.UnitAdded;
import io.alter8.api.property.UnitSpec;
import io.alter8.api.user.Actor;
import io.alter8.api.user.Role;
import io.alter8.command.DepositLimit;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotFound;
import io.alter8.command.NotPermitted;
import io.alter8.command.config.AggregateSnapshotConfiguration;
import io.alter8.command.user.Mandates;
import io.alter8.command.user.UserRoles;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.alter8.command.CommandArguments.actor;
import static io.alter8.command.CommandArguments.required;
import static io.alter8.command.CommandArguments.today;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A property on offer: what it is and where, its rental terms and amenities, where it is in its life (status), who
 * may see its listing, and HUD approval. Who owns, lists and manages it ({@link People}), its units and their
 * occupancy ({@link Units}), its verification ({@link VerificationGate}) and its tenants' reviews ({@link Reviews})
 * are member entities: each holds its own rules, and all share this aggregate's one event stream and version.
 * <p>
 * Who may act: the owner on everything of theirs; its listing agent and property manager on details, terms,
 * amenities, units and the listing (the manager also on status and HUD approval), never on who lists or manages it
 * nor on selling it; admins on all.
 * <p>
 * Lifecycle (people's moves; {@code rented} is never asked for, it follows when the last unit is let, and
 * {@code active} follows again when one is vacated):
 * <pre>
 * draft       → active, inactive, sold
 * active      → maintenance, inactive, sold     (→ rented when every unit is occupied)
 * rented      → (none: it ends when a unit is vacated → active)
 * maintenance → active, inactive, sold
 * inactive    → active, maintenance, sold
 * sold        → (none: terminal)
 * </pre>
 * Asking for {@code active} while every unit is occupied moves the property to {@code rented}. A listing is public
 * or featured only while the property is active and verified; whatever ends either makes it private again.
 */
@Aggregate(snapshotTriggerDefinition = AggregateSnapshotConfiguration.PROPERTY_SNAPSHOTS)
class Property {

    private static final Map<PropertyStatus, Set<PropertyStatus>> MOVES = Map.of(
            PropertyStatus.DRAFT, EnumSet.of(PropertyStatus.ACTIVE, PropertyStatus.INACTIVE, PropertyStatus.SOLD),
            PropertyStatus.ACTIVE, EnumSet.of(PropertyStatus.MAINTENANCE, PropertyStatus.INACTIVE, PropertyStatus.SOLD),
            PropertyStatus.RENTED, EnumSet.noneOf(PropertyStatus.class),
            PropertyStatus.MAINTENANCE, EnumSet.of(PropertyStatus.ACTIVE, PropertyStatus.INACTIVE, PropertyStatus.SOLD),
            PropertyStatus.INACTIVE, EnumSet.of(PropertyStatus.ACTIVE, PropertyStatus.MAINTENANCE, PropertyStatus.SOLD),
            PropertyStatus.SOLD, EnumSet.noneOf(PropertyStatus.class));

    /** What {@link RevisePropertyDetails} replaces as a whole. */
    private record Details(String title, String description, PropertyType type, PropertySpecs specs,
                           PropertyLocation location, TenantPreferences preferences, ListingSeo seo,
                           MarketData marketData) {
    }

    @AggregateIdentifier
    private PropertyId id;
    private PropertyRegistered registration;
    private Details details;
    private RentalTerms terms;
    private List<PropertyAmenity> amenities;
    private PropertyStatus status;
    private ListingStatus listingStatus;
    private HudApproval hudApproval;
    // Members: one stream, one version, one consistency boundary; never null, so commands always reach them.
    @AggregateMember
    private final People people = new People(this);
    @AggregateMember
    private final Units units = new Units(this);
    @AggregateMember
    private final VerificationGate verification = new VerificationGate(this);
    @AggregateMember
    private final Reviews reviews = new Reviews(this);

    Property() {
        // for Axon
    }

    // ----------------------------------------------------------------------------------------------- registration

    /**
     * Registering the same id again with the same content is a no-op, so a client may safely retry; with other
     * content it is refused.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterProperty command, UserRoles users, SlugRegistry slugs, Mandates mandates) {
        register(command, users, slugs, mandates);
    }

    /** Registration, verification, activation and listing in one command, for seeding large data sets. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ImportProperty command, UserRoles users, SlugRegistry slugs, Mandates mandates) {
        RegisterProperty registering = command.registration();
        if (registering == null || !command.propertyId().equals(registering.propertyId())) {
            throw new DomainRuleViolation("invalid-import", "the import must register the property it names");
        }
        Actor by = actor(registering.requestedBy());
        if (!by.role().isAdmin()) {
            throw new NotPermitted("only admins import properties");
        }
        register(registering, users, slugs, mandates);
        verification.recordImported(command.verification(), by);
        if (command.activate() && status == PropertyStatus.DRAFT) {
            moveTo(PropertyStatus.ACTIVE, "imported", by.userId());
        }
        if (command.listingStatus() != null && command.listingStatus() != listingStatus) {
            list(command.listingStatus(), by);
        }
    }

    private void register(RegisterProperty command, UserRoles users, SlugRegistry slugs, Mandates mandates) {
        Actor by = actor(command.requestedBy());
        UserId owner = People.ownerFor(by, command.ownerId());
        PropertyChecks.title(command.title());
        PropertyChecks.location(command.location());
        PropertyChecks.terms(command.terms());
        List<UnitSpec> unitSpecs = command.units().isEmpty()
                ? List.of(Units.wholeProperty(command.specs(), command.terms().monthlyRent()))
                : command.units();
        ListingSeo seo = Slugs.seoWithSlug(command.propertyId(), command.seo(), currentSlug(), command.title(),
                                           command.location(), slugs);
        PropertyRegistered registered = new PropertyRegistered(
                command.propertyId(), owner, command.title(), command.description(), command.propertyType(),
                command.specs(), command.location(), command.terms(), preferencesOrNone(command.preferences()),
                seo, marketDataOrNone(command.marketData()), command.amenities(),
                by.userId());
        if (registration != null) {
            if (registration.equals(registered) && units.madeAtRegistration(unitSpecs)) {
                return;
            }
            throw new DomainRuleViolation("property-already-registered",
                                          "property " + id + " is already registered with other details");
        }
        // Before anything about the owner, so that a manager without a mandate learns nothing of who is an owner.
        if (by.role() == Role.PROPERTY_MANAGER && !mandates.holds(by.userId(), owner)) {
            throw new NotPermitted("a property manager registers properties only for owners who gave them a mandate");
        }
        if (!by.is(owner) && !users.isActive(owner, Role.OWNER)) {
            throw new DomainRuleViolation("not-an-owner", "ownerId must name an active owner");
        }
        required(command.propertyType(), "propertyType");
        PropertyChecks.specs(command.specs(), currentYear());
        String currency = command.terms().monthlyRent().currency();
        PropertyChecks.marketData(command.marketData(), currency);
        PropertyChecks.amenities(command.amenities(), currency);
        Units.requireFit(command.propertyType(), unitSpecs.size());
        unitSpecs.forEach(unit -> PropertyChecks.unit(unit, currency));
        PropertyChecks.distinctNumbers(unitSpecs.stream().map(UnitSpec::unitNumber).toList());

        apply(registered);
        for (UnitSpec unit : unitSpecs) {
            apply(new UnitAdded(registered.propertyId(), registeredUnitId(registered.propertyId(), unit), unit));
        }
        if (by.role() == Role.PROPERTY_MANAGER) {
            apply(new PropertyManagerChanged(registered.propertyId(), null, by.userId(), by.userId()));
        }
    }

    /**
     * Units made at registration get ids derived from the property and the unit number, so that a retried
     * registration makes the same ids.
     */
    static UnitId registeredUnitId(PropertyId property, UnitSpec unit) {
        String name = "alter8:unit:" + property + ":" + PropertyChecks.numberKey(unit.unitNumber());
        return new UnitId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    // -------------------------------------------------------------------------------------------- what it is like

    @CommandHandler
    void handle(RevisePropertyDetails command, SlugRegistry slugs) {
        Actor by = actor(command.requestedBy());
        people.requireMayRun(by);
        requireNotSold();
        PropertyChecks.title(command.title());
        required(command.propertyType(), "propertyType");
        PropertyChecks.specs(command.specs(), currentYear());
        PropertyChecks.location(command.location());
        PropertyChecks.marketData(command.marketData(), currency());
        Units.requireFit(command.propertyType(), units.count());
        ListingSeo seo = Slugs.seoWithSlug(id, command.seo(), currentSlug(), command.title(), command.location(),
                                           slugs);
        Details revised = new Details(command.title(), command.description(), command.propertyType(),
                                      command.specs(), command.location(),
                                      preferencesOrNone(command.preferences()), seo,
                                      marketDataOrNone(command.marketData()));
        if (revised.equals(details)) {
            return;
        }
        apply(new PropertyDetailsRevised(id, revised.title(), revised.description(), revised.type(),
                                         revised.specs(), revised.location(), revised.preferences(), revised.seo(),
                                         revised.marketData()));
    }

    @CommandHandler
    void handle(ChangeRentalTerms command) {
        Actor by = actor(command.requestedBy());
        people.requireMayRun(by);
        requireNotSold();
        PropertyChecks.terms(command.terms());
        requireSameCurrency(command.terms().monthlyRent());
        if (command.terms().equals(terms)) {
            return;
        }
        apply(new RentalTermsChanged(id, command.terms()));
        units.followRent(terms.monthlyRent());
    }

    @CommandHandler
    void handle(ChangeMonthlyRent command) {
        Actor by = actor(command.requestedBy());
        people.requireMayRun(by);
        requireNotSold();
        PropertyChecks.rent(command.monthlyRent());
        requireSameCurrency(command.monthlyRent());
        if (command.monthlyRent().equals(terms.monthlyRent())) {
            return;
        }
        DepositLimit.check(terms.securityDeposit(), command.monthlyRent());
        apply(new MonthlyRentChanged(id, terms.monthlyRent(), command.monthlyRent()));
        units.followRent(terms.monthlyRent());
    }

    @CommandHandler
    void handle(ChangeAmenities command) {
        Actor by = actor(command.requestedBy());
        people.requireMayRun(by);
        requireNotSold();
        List<PropertyAmenity> wanted = command.amenities() == null ? List.of() : List.copyOf(command.amenities());
        PropertyChecks.amenities(wanted, currency());
        if (wanted.equals(amenities)) {
            return;
        }
        apply(new AmenitiesChanged(id, wanted));
    }

    @CommandHandler
    void handle(RecordHudApproval command) {
        Actor by = actor(command.requestedBy());
        people.requireOwnerManagerOrAdmin(by,
                                          "only the owner, its property manager or admins record HUD approval");
        requireNotSold();
        HudApproval approval = required(command.approval(), "approval");
        if (!"US".equals(details.location().address().country())) {
            throw new DomainRuleViolation("hud-outside-us", "HUD approval is for properties in the US");
        }
        if (approval.approved() && approval.approvalDate() == null) {
            throw new DomainRuleViolation("missing-approvalDate", "an approval needs its date");
        }
        if (approval.approvalDate() != null && approval.approvalDate().isAfter(today())) {
            throw new DomainRuleViolation("invalid-approvalDate", "the approval date cannot be in the future");
        }
        if (approval.equals(hudApproval)) {
            return;
        }
        apply(new HudApprovalRecorded(id, approval, by.userId()));
    }

    // ---------------------------------------------------------------------------------------------------- letting

    /**
     * What a lease of one of its units needs to know, for the leasing process: the unit ({@code null}: the only
     * one), who owns, lists and manages the property, and its currency. Draft and sold properties are not let.
     */
    Lettings.LettableUnit unitToLet(UnitId unitId) {
        requireLettable();
        return new Lettings.LettableUnit(id, units.toLet(unitId), people.owner(), people.agent(),
                                         people.manager(), currency(),
                                         listingStatus != ListingStatus.PRIVATE);
    }

    void requireLettable() {
        if (status == PropertyStatus.DRAFT || status == PropertyStatus.SOLD) {
            throw new DomainRuleViolation("not-lettable", "a " + status.wire() + " property cannot be let");
        }
    }

    // ------------------------------------------------------------------------------------------- life and listing

    @CommandHandler
    void handle(ChangePropertyStatus command) {
        Actor by = actor(command.requestedBy());
        PropertyStatus target = required(command.status(), "status");
        if (target == PropertyStatus.SOLD) {
            people.requireOwnerOrAdmin(by, "only the owner or admins mark a property sold");
        } else {
            people.requireOwnerManagerOrAdmin(by,
                                              "only the owner, its property manager or admins change its status");
        }
        if (target == status || (target == PropertyStatus.ACTIVE && status == PropertyStatus.RENTED)) {
            return;
        }
        if (target == PropertyStatus.RENTED) {
            throw new DomainRuleViolation("rented-by-leases", "a property is rented when leases occupy its units");
        }
        if (!MOVES.get(status).contains(target)) {
            throw new DomainRuleViolation("invalid-status-change",
                                          "a " + status.wire() + " property cannot become " + target.wire());
        }
        if (target == PropertyStatus.ACTIVE) {
            // Going on the market: the read side must know the unit that makes it available.
            units.recordImplicitUnit();
            if (units.everyUnitOccupied()) {
                target = PropertyStatus.RENTED;
            }
        }
        moveTo(target, blankToNull(command.reason()), by.userId());
    }

    @CommandHandler
    void handle(ChangeListingStatus command) {
        Actor by = actor(command.requestedBy());
        people.requireMayRun(by);
        requireNotSold();
        ListingStatus target = required(command.status(), "status");
        if (target == listingStatus) {
            return;
        }
        list(target, by);
    }

    // ------------------------------------------------------------------------------------------- shared decisions

    private void list(ListingStatus target, Actor by) {
        if (target == ListingStatus.FEATURED && !by.role().isAdmin()) {
            throw new NotPermitted("only admins feature listings");
        }
        if (target != ListingStatus.PRIVATE) {
            if (!verification.verified()) {
                throw new DomainRuleViolation("not-verified", "only verified properties are listed publicly");
            }
            if (status != PropertyStatus.ACTIVE) {
                throw new DomainRuleViolation("not-active", "only active properties are listed publicly");
            }
        }
        apply(new ListingStatusChanged(id, listingStatus, target, by.userId()));
    }

    private void moveTo(PropertyStatus target, String reason, UserId by) {
        apply(new PropertyStatusChanged(id, status, target, reason, by));
        unlistIfNoLongerListable(by);
    }

    /** A public or featured listing needs an active, verified property; without either it becomes private. */
    void unlistIfNoLongerListable(UserId by) {
        if (listingStatus != ListingStatus.PRIVATE && (status != PropertyStatus.ACTIVE || !verification.verified())) {
            apply(new ListingStatusChanged(id, listingStatus, ListingStatus.PRIVATE, by));
        }
    }

    /** Active and rented follow occupancy: rented when the last unit is let, active when one is free again. */
    void settleOccupancy() {
        if (status == PropertyStatus.ACTIVE && units.everyUnitOccupied()) {
            moveTo(PropertyStatus.RENTED, "every unit is let", null);
        } else if (status == PropertyStatus.RENTED && !units.everyUnitOccupied()) {
            moveTo(PropertyStatus.ACTIVE, "a unit is free again", null);
        }
    }

    /** The implicit unit of a property registered before revision 2: as big as the property, at its rent. */
    UnitSpec implicitUnit() {
        return Units.wholeProperty(details.specs(), terms.monthlyRent());
    }

    /** The slug already chosen, which a revision naming none keeps. */
    private String currentSlug() {
        return details == null ? null : details.seo().slug();
    }

    private static TenantPreferences preferencesOrNone(TenantPreferences preferences) {
        return preferences == null ? TenantPreferences.none() : preferences;
    }

    private static MarketData marketDataOrNone(MarketData marketData) {
        return marketData == null ? MarketData.none() : marketData;
    }

    // --------------------------------------------------------------------------- what the members ask of the root

    PropertyId id() {
        return id;
    }

    People people() {
        return people;
    }

    PropertyType type() {
        return details.type();
    }

    boolean isMultiUnit() {
        return Units.MULTI_UNIT_TYPES.contains(details.type());
    }

    String currency() {
        return terms.monthlyRent().currency();
    }

    private void requireSameCurrency(Money rent) {
        if (!rent.currency().equals(currency())) {
            throw new DomainRuleViolation("currency-mismatch", "the rent of this property is in " + currency());
        }
    }

    void requireNotSold() {
        if (status == PropertyStatus.SOLD) {
            throw new DomainRuleViolation("property-sold", "the property is sold");
        }
    }

    /**
     * A refused caller who may not see the property gets the answer of an unknown id, as on the query side, so a
     * command does not tell whether a private property exists; one who may see it learns only that they may not.
     */
    RuntimeException refusal(Actor by, String reason) {
        return visibleTo(by) ? new NotPermitted(reason) : new NotFound("nothing with id " + id);
    }

    /** The query side's rule: listed and active to everyone; otherwise its people, admins and readers. */
    private boolean visibleTo(Actor by) {
        return listingStatus != ListingStatus.PRIVATE && status == PropertyStatus.ACTIVE
                || people.runs(by)
                || by.role() == Role.AUDITOR || by.role() == Role.ANALYST;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static int currentYear() {
        return today().getYear();
    }

    // ------------------------------------------------------------------------------------------------------ state

    @EventSourcingHandler
    void on(PropertyRegistered event) {
        id = event.propertyId();
        registration = event;
        details = new Details(event.title(), event.description(), event.propertyType(), event.specs(),
                              event.location(), event.preferences(), event.seo(), event.marketData());
        terms = event.terms();
        amenities = event.amenities();
        status = PropertyStatus.DRAFT;
        listingStatus = ListingStatus.PRIVATE;
    }

    @EventSourcingHandler
    void on(PropertyDetailsRevised event) {
        details = new Details(event.title(), event.description(), event.propertyType(), event.specs(),
                              event.location(), event.preferences(), event.seo(), event.marketData());
    }

    @EventSourcingHandler
    void on(RentalTermsChanged event) {
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(MonthlyRentChanged event) {
        terms = terms.withMonthlyRent(event.monthlyRent());
    }

    @EventSourcingHandler
    void on(AmenitiesChanged event) {
        amenities = event.amenities();
    }

    @EventSourcingHandler
    void on(PropertyStatusChanged event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(ListingStatusChanged event) {
        listingStatus = event.status();
    }

    @EventSourcingHandler
    void on(HudApprovalRecorded event) {
        hudApproval = event.approval();
    }
}
