package io.alter8.command.user;

import io.alter8.api.common.PageView;
import io.alter8.web.ApiException;
import io.alter8.web.Paging;
import io.alter8.web.security.AccessRules;
import io.alter8.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The admins' queue of identity numbers declared by one user while another holds them ({@link IdentityClaims}).
 * It lives beside the claims, on the command side, like sessions: the read side never sees identity numbers nor
 * who holds which. Admins see who declared whose number and close each case with what they did (deactivated the
 * account, rejected the KYC, found a typo); nobody else learns that a number was taken.
 */
@RestController
@RequestMapping("/api/admin/identity-reviews")
@Tag(name = "Users", description = "Account administration")
class IdentityReviews {

    private final JdbcTemplate jdbc;

    IdentityReviews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An open case: {@code userId} declared a {@code kind} number that {@code holderId} holds. */
    record IdentityReview(UUID id, String kind, UUID userId, UUID holderId, Instant flaggedAt) {
    }

    record IdentityReviewResolution(@NotBlank @Size(max = 1000) String note) {
    }

    /** Opens a case unless the same one is open already; in the transaction of the profile's events. */
    void flag(ClaimKind kind, UUID user, UUID holder) {
        jdbc.update("""
                INSERT INTO identity_claim_review (id, kind, user_id, holder_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (kind, user_id, holder_id) WHERE resolved_at IS NULL DO NOTHING""",
                    UUID.randomUUID(), kind.key(), user, holder);
    }

    @GetMapping
    @Operation(summary = "Open cases of an identity number declared by one user while another holds it",
               description = "Admins. Paged, oldest first (sort=flaggedAt,desc for newest).")
    PageView<IdentityReview> open(@RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size,
                                  @RequestParam(required = false) String sort) {
        Paging paging = Paging.parse(page, size, sort, Set.of("flaggedAt"), "flaggedAt");
        String direction = paging.ascending() ? "ASC" : "DESC";
        List<IdentityReview> items = jdbc.query(
                "SELECT id, kind, user_id, holder_id, flagged_at FROM identity_claim_review WHERE resolved_at IS NULL "
                        + "ORDER BY flagged_at " + direction + ", id " + direction + " LIMIT ? OFFSET ?",
                (rs, i) -> new IdentityReview(rs.getObject(1, UUID.class), rs.getString(2),
                                              rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
                                              rs.getTimestamp(5).toInstant()),
                paging.size(), paging.offset());
        return new PageView<>(items, paging.page(), paging.size(), Paging.total(
                items.size(), paging.page(), paging.size(),
                () -> jdbc.queryForObject("SELECT count(*) FROM identity_claim_review WHERE resolved_at IS NULL",
                                          Long.class)));
    }

    @PostMapping("/{id}/resolution")
    @Operation(summary = "Close a case, saying what was done", description = "Admins. 404 if unknown or closed.")
    @Transactional
    ResponseEntity<Void> resolve(@PathVariable UUID id, @Valid @RequestBody IdentityReviewResolution resolution) {
        int closed = jdbc.update("""
                UPDATE identity_claim_review SET resolved_at = now(), resolved_by = ?, resolution = ?
                WHERE id = ? AND resolved_at IS NULL""", CurrentUser.require().id(), resolution.note().strip(), id);
        if (closed == 0) {
            throw ApiException.notFound("identity review", id);
        }
        return ResponseEntity.noContent().build();
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers("/api/admin/identity-reviews", "/api/admin/identity-reviews/**")
                 .hasAnyRole("admin", "super_admin");
        }
    }
}
