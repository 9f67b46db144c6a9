package io.alter8.query.user;

import io.alter8.api.common.PageView;
import io.alter8.api.user.AccountStatus;
import io.alter8.api.user.AgentVerificationStatus;
import io.alter8.api.user.AgentView;
import io.alter8.api.user.FindAgents;
import io.alter8.api.user.FindUserById;
import io.alter8.api.user.FindUsers;
import io.alter8.api.user.Role;
import io.alter8.api.user.UserView;
import jakarta.persistence.criteria.Predicate;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers the user and agent directory queries (Axon query handlers; the REST controller calls them directly). Who
 * may ask is the controller's business: these answer whatever they are asked.
 */
@Component
@Transactional(readOnly = true)
class UserDirectoryQueries {

    /** API sort names and the entity attributes behind them. */
    static final Map<String, String> USER_SORTS = Map.of(
            "registeredAt", "registeredAt", "lastName", "lastName", "lastLoginAt", "lastLoginAt");
    static final Map<String, String> AGENT_SORTS = Map.of(
            "rating", "averageRating", "experienceYears", "agentExperienceYears", "registeredAt", "registeredAt");

    private final UserDirectoryRepository users;

    UserDirectoryQueries(UserDirectoryRepository users) {
        this.users = users;
    }

    @QueryHandler
    Optional<UserView> handle(FindUserById query) {
        return users.findById(query.userId().value()).map(UserDirectoryEntry::toView);
    }

    @QueryHandler
    PageView<UserView> handle(FindUsers query) {
        return page(matching(query), USER_SORTS.get(query.sort()), query.ascending(), query.page(), query.size(),
                    UserDirectoryEntry::toView);
    }

    /**
     * Agents by rating tie on their average by the number of ratings, then by experience (the order before anyone
     * was rated), most first.
     */
    @QueryHandler
    PageView<AgentView> handle(FindAgents query) {
        Sort then = "rating".equals(query.sort())
                ? Sort.by(new Sort.Order(Sort.Direction.DESC, "totalRatings", Sort.NullHandling.NULLS_LAST),
                          new Sort.Order(Sort.Direction.DESC, "agentExperienceYears", Sort.NullHandling.NULLS_LAST))
                : Sort.unsorted();
        return page(matching(query), AGENT_SORTS.get(query.sort()), query.ascending(), then, query.page(),
                    query.size(), UserDirectoryEntry::toAgentView);
    }

    private <T> PageView<T> page(Specification<UserDirectoryEntry> where, String sortAttribute, boolean ascending,
                                 int page, int size, Function<UserDirectoryEntry, T> view) {
        return page(where, sortAttribute, ascending, Sort.unsorted(), page, size, view);
    }

    private <T> PageView<T> page(Specification<UserDirectoryEntry> where, String sortAttribute, boolean ascending,
                                 Sort then, int page, int size, Function<UserDirectoryEntry, T> view) {
        Sort.Direction direction = ascending ? Sort.Direction.ASC : Sort.Direction.DESC;
        // Never-logged-in users, agents without a stated experience and unrated agents go last either way.
        Sort sort = Sort.by(new Sort.Order(direction, sortAttribute, Sort.NullHandling.NULLS_LAST)).and(then)
                        .and(Sort.by("id"));
        Page<UserDirectoryEntry> rows = users.findAll(where, PageRequest.of(page, size, sort));
        return new PageView<>(rows.getContent().stream().map(view).toList(), page, size, rows.getTotalElements());
    }

    private static Specification<UserDirectoryEntry> matching(FindUsers query) {
        return (root, cq, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (query.role() != null) {
                where.add(cb.equal(root.get("role"), query.role().wire()));
            }
            if (query.status() != null) {
                where.add(cb.equal(root.get("status"), query.status().wire()));
            }
            if (query.emailVerified() != null) {
                where.add(cb.equal(root.get("emailVerified"), query.emailVerified()));
            }
            if (query.phoneVerified() != null) {
                where.add(cb.equal(root.get("phoneVerified"), query.phoneVerified()));
            }
            if (query.verified() != null) {
                where.add(cb.equal(root.get("verified"), query.verified()));
            }
            if (query.text() != null) {
                String like = "%" + Keys.escapeLike(query.text().toLowerCase(Locale.ROOT)) + "%";
                where.add(cb.or(cb.like(cb.lower(root.get("firstName")), like, '\\'),
                                cb.like(cb.lower(root.get("lastName")), like, '\\'),
                                cb.like(cb.lower(root.get("email")), like, '\\')));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static Specification<UserDirectoryEntry> matching(FindAgents query) {
        return (root, cq, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("role"), Role.AGENT.wire()));
            where.add(cb.equal(root.get("status"), AccountStatus.ACTIVE.wire()));
            where.add(cb.equal(root.get("agentVerificationStatus"), AgentVerificationStatus.VERIFIED.wire()));
            if (query.city() != null) {
                where.add(cb.like(root.get("agentServiceCities"), Keys.pattern(query.city()), '\\'));
            }
            if (query.specialisation() != null) {
                where.add(cb.like(root.get("agentSpecialisations"), Keys.pattern(query.specialisation()), '\\'));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
