package io.alter8.query.chat;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The people of a property or a lease, from this side's read models: who may talk about it and who hears of its
 * changes. A property's owner, listing agent and manager, and the tenants of its occupied units; a lease's owner,
 * agent, manager and tenants. Asked again on every chat request and live event, so someone who stops being one
 * (a manager replaced, a unit vacated) loses access at once. An unknown entity has nobody.
 */
@Component
public class EntityPeople {

    private final JdbcTemplate jdbc;

    EntityPeople(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Set<UUID> ofProperty(UUID propertyId) {
        return new LinkedHashSet<>(jdbc.queryForList("""
                SELECT p FROM property_listing l,
                              unnest(ARRAY[l.owner_id, l.listing_agent_id, l.property_manager_id]) AS p
                WHERE l.id = ? AND p IS NOT NULL
                UNION SELECT t FROM property_unit u, unnest(u.tenant_ids) AS t
                WHERE u.property_id = ? AND u.occupied AND NOT u.removed""", UUID.class, propertyId, propertyId));
    }

    /** The people of the property a unit belongs to. */
    public Set<UUID> ofUnit(UUID unitId) {
        return jdbc.queryForList("SELECT property_id FROM property_unit WHERE id = ?", UUID.class, unitId).stream()
                   .findFirst().map(this::ofProperty).orElse(Set.of());
    }

    public Set<UUID> ofLease(UUID leaseId) {
        return new LinkedHashSet<>(jdbc.queryForList("""
                SELECT p FROM lease l, unnest(ARRAY[l.owner_id, l.agent_id, l.manager_id]) AS p
                WHERE l.id = ? AND p IS NOT NULL
                UNION SELECT tenant_id FROM lease_tenant WHERE lease_id = ?""", UUID.class, leaseId, leaseId));
    }

    /**
     * The properties and leases {@code user} is one of the people of, by the rules above: the subjects of the
     * conversations they may open.
     */
    public Set<UUID> subjectsOf(UUID user) {
        return new LinkedHashSet<>(jdbc.queryForList("""
                SELECT id FROM property_listing
                WHERE owner_id = ? OR listing_agent_id = ? OR property_manager_id = ?
                UNION SELECT property_id FROM property_unit WHERE ? = ANY (tenant_ids) AND occupied AND NOT removed
                UNION SELECT id FROM lease WHERE owner_id = ? OR agent_id = ? OR manager_id = ?
                UNION SELECT lease_id FROM lease_tenant WHERE tenant_id = ?""", UUID.class,
                user, user, user, user, user, user, user, user));
    }

    /** The people of a chat's subject: {@code property} or {@code lease}. */
    public Set<UUID> of(String subjectType, UUID subjectId) {
        return switch (subjectType) {
            case Conversations.PROPERTY -> ofProperty(subjectId);
            case Conversations.LEASE -> ofLease(subjectId);
            default -> Set.of();
        };
    }
}
