package io.alter8.query.subscription;

import io.alter8.api.common.PageView;
import io.alter8.api.subscription.BillingEntryView;
import io.alter8.api.subscription.FeatureUsageView;
import io.alter8.api.subscription.PlanView;
import io.alter8.api.subscription.RecommendationView;
import io.alter8.api.subscription.SubscriptionReports;
import io.alter8.api.subscription.SubscriptionView;
import io.alter8.web.QueryParameters;
import io.alter8.query.web.ReadModel;
import io.alter8.web.ApiException;
import io.alter8.web.ETags;
import io.alter8.web.FieldError;
import io.alter8.web.Paging;
import io.alter8.web.security.AccessRules;
import io.alter8.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Plans, subscriptions, billing, usage and the reports over HTTP. Everyone signed in reads the catalog (admins
 * also the plans off the market); owners and property managers their own subscription, admins, auditors and
 * analysts any (another's is a 404); admins and analysts the reports.
 */
@RestController
@ReadModel({SubscriptionProjector.PROCESSING_GROUP, FeatureUsageProjector.PROCESSING_GROUP})
@Tag(name = "Subscriptions", description = "Plans, subscriptions, billing history, feature usage and reports")
class SubscriptionQueryController {

    static final String[] READERS = {"admin", "super_admin", "auditor", "analyst"};
    static final String[] CUSTOMERS_AND_READERS = {"owner", "property_manager", "admin", "super_admin", "auditor",
                                                   "analyst"};
    static final String[] REPORT_READERS = {"admin", "super_admin", "analyst"};
    /** Twelve months by default, at most five years a request. */
    private static final int MAX_MONTHS = 60;

    private final SubscriptionQueries queries;
    private final SubscriptionCache cache;

    SubscriptionQueryController(SubscriptionQueries queries, SubscriptionCache cache) {
        this.queries = queries;
        this.cache = cache;
    }

    @GetMapping("/api/plans")
    @Operation(summary = "The plans on the market, cheapest first (admins: also those taken off it)")
    List<PlanView> plans() {
        return queries.plans(CurrentUser.require().hasAnyRole("admin", "super_admin"));
    }

    @GetMapping("/api/plans/{id}")
    @Operation(summary = "One plan")
    ResponseEntity<PlanView> plan(@PathVariable UUID id) {
        PlanView plan = queries.plan(id).orElseThrow(() -> ApiException.notFound("plan", id));
        return ResponseEntity.ok().eTag(ETags.of(plan.version())).body(plan);
    }

    @GetMapping("/api/features")
    @Operation(summary = "The feature catalog plans name (code, name, description, category)")
    List<Map<String, Object>> features() {
        return queries.featureCatalog();
    }

    @GetMapping("/api/subscriptions/mine")
    @Operation(summary = "The caller's subscription (404 when there is none: the free tier applies)")
    ResponseEntity<SubscriptionView> mine() {
        UUID me = CurrentUser.require().id();
        SubscriptionView view = queries.subscriptionOf(me).orElseThrow(() -> ApiException.notFound("subscription of",
                                                                                                   me));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @GetMapping("/api/subscriptions/{id}")
    @Operation(summary = "One subscription (its account; admins, auditors, analysts)")
    ResponseEntity<SubscriptionView> subscription(@PathVariable UUID id) {
        SubscriptionView view = visible(id);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @GetMapping("/api/subscriptions/{id}/billing")
    @Operation(summary = "The subscription's billing history, oldest first: invoices, charges and credits")
    PageView<BillingEntryView> billing(@PathVariable UUID id, @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        Paging paging = Paging.parse(page, size, null, Set.of("recordedOn"), "recordedOn");
        visible(id);
        return queries.billing(id, paging.page(), paging.size());
    }

    @GetMapping("/api/subscriptions/{id}/recommendations")
    @Operation(summary = "The subscription's plan recommendations, newest first (cheapest fitting plan, saving, "
            + "expiry, whether applied)")
    List<RecommendationView> recommendations(@PathVariable UUID id) {
        visible(id);
        return queries.recommendations(id);
    }

    @GetMapping("/api/subscriptions/status")
    @Operation(summary = "The subscription:status cache entry of the caller's account (or accountId's, for readers)",
               description = "planId, planName, status, unitCount, startDate, endDate, isAutoRenew; 404 without a "
                       + "subscription.")
    Map<String, String> status(@RequestParam(required = false) String accountId) {
        UUID account = account(accountId);
        Map<String, String> status = cache.status(account)
                                          .orElseThrow(() -> ApiException.notFound("subscription of", account));
        status.remove("version");
        return status;
    }

    @GetMapping("/api/subscriptions/usage")
    @Operation(summary = "Per feature of the catalog: whether the account's plan (or the free tier) enables it, its "
            + "limit and the usage counted (this month, for monthly features)")
    List<FeatureUsageView> usage(@RequestParam(required = false) String accountId) {
        UUID account = account(accountId);
        return queries.featureCodes().stream().map(feature -> cache.access(account, feature)).toList();
    }

    @GetMapping("/api/admin/subscription-reports/revenue")
    @Operation(summary = "Billed per plan per month (admins, analysts)")
    List<SubscriptionReports.Revenue> revenue(@Parameter(description = "first month, 2026-01") @RequestParam(required =
            false) String from, @Parameter(description = "last month") @RequestParam(required = false) String to) {
        YearMonth[] months = months(from, to);
        return queries.revenue(months[0], months[1]);
    }

    @GetMapping("/api/admin/subscription-reports/churn")
    @Operation(summary = "Per month: subscriptions in force at its start and how many ended in it (admins, analysts)")
    List<SubscriptionReports.Churn> churn(@RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to) {
        YearMonth[] months = months(from, to);
        return queries.churn(months[0], months[1]);
    }

    @GetMapping("/api/admin/subscription-reports/trial-conversion")
    @Operation(summary = "Trials by the month they started: converted, ended, running (admins, analysts)")
    List<SubscriptionReports.TrialConversion> trialConversion(@RequestParam(required = false) String from,
                                                              @RequestParam(required = false) String to) {
        YearMonth[] months = months(from, to);
        return queries.trialConversion(months[0], months[1]);
    }

    /** The subscription if the caller may see it; another's is a 404, as if it did not exist. */
    private SubscriptionView visible(UUID id) {
        CurrentUser caller = CurrentUser.require();
        return queries.subscription(id)
                      .filter(s -> caller.hasAnyRole(READERS) || s.accountId().value().equals(caller.id()))
                      .orElseThrow(() -> ApiException.notFound("subscription", id));
    }

    /** The caller's account, or the one a reader names. */
    private static UUID account(String accountId) {
        CurrentUser caller = CurrentUser.require();
        if (accountId == null || accountId.isBlank()) {
            return caller.id();
        }
        List<FieldError> errors = new ArrayList<>();
        UUID named = QueryParameters.id("accountId", accountId, UUID::fromString, errors);
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        if (!named.equals(caller.id()) && !caller.hasAnyRole(READERS)) {
            throw ApiException.notFound("subscription of", named);
        }
        return named;
    }

    private static YearMonth[] months(String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        YearMonth last = month("to", to, YearMonth.now(java.time.ZoneOffset.UTC), errors);
        YearMonth first = month("from", from, last.minusMonths(11), errors);
        if (errors.isEmpty() && (first.isAfter(last) || first.plusMonths(MAX_MONTHS).isBefore(last))) {
            errors.add(new FieldError("from", "must be at most " + MAX_MONTHS + " months before to, and not after it"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        return new YearMonth[]{first, last};
    }

    private static YearMonth month(String field, String value, YearMonth absent, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a month, 2026-01"));
            return absent;
        }
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.GET, "/api/plans", "/api/plans/*", "/api/features").authenticated()
                 .requestMatchers(HttpMethod.GET, "/api/admin/subscription-reports/*").hasAnyRole(REPORT_READERS)
                 .requestMatchers(HttpMethod.GET, "/api/subscriptions/**").hasAnyRole(CUSTOMERS_AND_READERS);
        }
    }
}
