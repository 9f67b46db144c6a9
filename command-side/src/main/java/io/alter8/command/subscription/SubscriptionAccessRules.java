package io.alter8.command.subscription;

import io.alter8.web.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Admins manage the plan catalog; owners and property managers (and admins for them) their subscriptions. Whose
 * subscription it is, is the aggregate's decision, answered 403 from it.
 */
@Component
class SubscriptionAccessRules implements AccessRules {

    private static final String[] ADMINS = {"admin", "super_admin"};
    private static final String[] CUSTOMERS = {"owner", "property_manager", "admin", "super_admin"};

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/plans", "/api/plans/*/deactivation").hasAnyRole(ADMINS)
             .requestMatchers(HttpMethod.PUT, "/api/plans/*", "/api/features/*").hasAnyRole(ADMINS)
             .requestMatchers(HttpMethod.POST, "/api/subscriptions", "/api/subscriptions/*/cancellation",
                              "/api/subscriptions/*/reactivation", "/api/subscriptions/*/recommendations",
                              "/api/subscriptions/*/recommendations/*/application").hasAnyRole(CUSTOMERS)
             .requestMatchers(HttpMethod.PUT, "/api/subscriptions/*/plan").hasAnyRole(CUSTOMERS);
    }
}
