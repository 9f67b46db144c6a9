package io.alter8.query.user;

import io.alter8.api.common.PageView;
import io.alter8.api.common.UserId;
import io.alter8.api.user.FindManagementMandates;
import io.alter8.api.user.ManagementMandateView;
import io.alter8.web.Paging;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static io.alter8.query.jdbc.Sql.instant;
import static io.alter8.query.jdbc.Sql.uuid;

/**
 * The mandates in force, from {@code management_mandate} with both people's names from the user directory. Who may
 * ask is the caller's business.
 */
@Component
class MandateQueries {

    private static final String IN_FORCE = """
             FROM management_mandate m
            LEFT JOIN user_directory o ON o.id = m.owner_id
            LEFT JOIN user_directory p ON p.id = m.manager_id
            WHERE m.active AND m.%s = ?""";

    private final JdbcTemplate jdbc;

    MandateQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    PageView<ManagementMandateView> handle(FindManagementMandates query) {
        boolean ofOwner = query.ownerId() != null;
        String where = IN_FORCE.formatted(ofOwner ? "owner_id" : "manager_id");
        UUID who = (ofOwner ? query.ownerId() : query.managerId()).value();
        List<ManagementMandateView> items = jdbc.query(
                "SELECT m.owner_id, o.first_name AS owner_first, o.last_name AS owner_last, m.manager_id, "
                        + "p.first_name AS manager_first, p.last_name AS manager_last, m.since" + where
                        + " ORDER BY m.since DESC, m.owner_id, m.manager_id LIMIT ? OFFSET ?",
                (rs, row) -> view(rs), who, query.size(), (long) query.page() * query.size());
        return new PageView<>(items, query.page(), query.size(), Paging.total(
                items.size(), query.page(), query.size(),
                () -> jdbc.queryForObject("SELECT count(*)" + where, Long.class, who)));
    }

    private static ManagementMandateView view(ResultSet rs) throws SQLException {
        return new ManagementMandateView(
                new ManagementMandateView.Person(new UserId(uuid(rs, "owner_id")), rs.getString("owner_first"),
                                                 rs.getString("owner_last")),
                new ManagementMandateView.Person(new UserId(uuid(rs, "manager_id")), rs.getString("manager_first"),
                                                 rs.getString("manager_last")),
                instant(rs, "since"));
    }
}
