package io.alter8.command.property;

import io.alter8.web.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may put properties on offer and change their terms: owners, their agents, property managers and admins.
 * Which property a caller may change (their own) is checked once properties record their owner (issue 4).
 */
@Component
class PropertyAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/properties")
             .hasAnyRole("owner", "agent", "property_manager", "admin", "super_admin")
             .requestMatchers(HttpMethod.PUT, "/api/properties/*/monthly-rent")
             .hasAnyRole("owner", "agent", "property_manager", "admin", "super_admin");
    }
}
