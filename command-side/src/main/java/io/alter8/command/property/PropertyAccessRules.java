package io.alter8.command.property;

import io.alter8.web.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Which roles reach each property route. Whose property it is (the owner, its listing agent or manager) is the
 * property's own decision, answered 403 from the aggregate.
 */
@Component
class PropertyAccessRules implements AccessRules {

    private static final String[] REGISTRARS = {"owner", "property_manager", "admin", "super_admin"};
    private static final String[] RUNNERS = {"owner", "agent", "property_manager", "admin", "super_admin"};
    private static final String[] OWNERS = {"owner", "admin", "super_admin"};
    private static final String[] ADMINS = {"admin", "super_admin"};

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/properties").hasAnyRole(REGISTRARS)
             .requestMatchers(HttpMethod.PUT, "/api/properties/*/status", "/api/properties/*/hud-approval")
             .hasAnyRole(REGISTRARS)
             .requestMatchers(HttpMethod.PUT, "/api/properties/*/verification").hasAnyRole(ADMINS)
             .requestMatchers(HttpMethod.PUT, "/api/properties/*/listing-agent", "/api/properties/*/manager")
             .hasAnyRole(OWNERS)
             .requestMatchers(HttpMethod.PUT, "/api/properties/*", "/api/properties/*/rental-terms",
                              "/api/properties/*/monthly-rent", "/api/properties/*/amenities",
                              "/api/properties/*/units/*", "/api/properties/*/listing-status")
             .hasAnyRole(RUNNERS)
             .requestMatchers(HttpMethod.POST, "/api/properties/*/units").hasAnyRole(RUNNERS)
             .requestMatchers(HttpMethod.DELETE, "/api/properties/*/units/*").hasAnyRole(RUNNERS)
             .requestMatchers(HttpMethod.POST, "/api/properties/*/reviews").hasRole("tenant")
             .requestMatchers(HttpMethod.POST, "/api/admin/property-imports").hasAnyRole(ADMINS);
    }
}
