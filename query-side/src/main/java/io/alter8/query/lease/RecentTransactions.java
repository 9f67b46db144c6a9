package io.alter8.query.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.lease.TransactionView;
import io.alter8.query.property.PropertyCache;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.alter8.query.jdbc.Sql.instant;
import static io.alter8.query.jdbc.Sql.uuid;
import static io.alter8.query.lease.LeaseQueries.money;

/**
 * A user's recent transactions — the newest money movements of the leases they are party to — read from
 * {@code lease_transaction} and cached in Redis as {@code transactions:recent:{userId}} for 15 minutes, through the
 * query side's one cache ({@link PropertyCache}): each user is a scope, evicted after the commit of an event that
 * adds to one of their leases, and an answer computed before that commit is refused. Redis is never the only copy.
 */
@Component
class RecentTransactions {

    static final int LIMIT = 20;
    static final Duration TTL = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final PropertyCache cache;

    RecentTransactions(JdbcTemplate jdbc, PropertyCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    static String key(UUID user) {
        return "transactions:recent:" + user;
    }

    private static String scope(UUID user) {
        return "transactions:user:" + user;
    }

    /** The user's {@value #LIMIT} newest transactions, newest first: from the cache if it may be served. */
    List<TransactionView> of(UUID user) {
        return cache.get(new PropertyCache.Slot<>(scope(user), key(user), TTL, new TypeReference<>() {
        }, null, RentAccountProjector.PROCESSING_GROUP), () -> query(user));
    }

    private List<TransactionView> query(UUID user) {
        return jdbc.query("""
                SELECT x.* FROM lease_transaction x JOIN lease l ON l.id = x.lease_id
                WHERE true""" + LeaseQueries.PARTY + """

                ORDER BY x.occurred_at DESC, x.lease_id, x.sequence DESC LIMIT ?""",
                          (rs, n) -> new TransactionView(new LeaseId(uuid(rs, "lease_id")), rs.getString("kind"),
                                                         money(rs, "amount", rs.getString("currency")),
                                                         rs.getString("reference"), instant(rs, "occurred_at")),
                          user, user, user, user, LIMIT);
    }

    /** Makes stale, once the event's transaction commits, the cached transactions of every party to the lease. */
    void evictAfterCommit(UUID lease) {
        List<String> scopes = jdbc.queryForList("""
                SELECT p FROM lease l, unnest(ARRAY[l.owner_id, l.agent_id, l.manager_id]) AS p
                WHERE l.id = ? AND p IS NOT NULL
                UNION SELECT tenant_id FROM lease_tenant WHERE lease_id = ?""", UUID.class, lease, lease)
                                  .stream().map(RecentTransactions::scope).toList();
        if (!scopes.isEmpty()) {
            cache.evictScopesAfterCommit(scopes);
        }
    }

    /** Makes every cached list stale: after a rebuild of the rows it is read from. */
    void evictEverything() {
        cache.evictEverything();
    }
}
