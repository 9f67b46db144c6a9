package io.alter8.command.media;

import io.alter8.web.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Which roles reach the media routes: a property's people upload and arrange (field executives for their
 * verifications), owners, managers and admins delete, field executives and admins review, every role that rents or
 * lets may see public media. Whether the caller may act on this property's media, and see this medium, is the
 * media's decision (404 or 403).
 */
@Component
class MediaAccessRules implements AccessRules {

    private static final String[] UPLOADERS = {"owner", "agent", "field_executive", "property_manager", "admin",
                                               "super_admin"};
    private static final String[] DELETERS = {"owner", "property_manager", "admin", "super_admin"};
    private static final String[] REVIEWERS = {"field_executive", "admin", "super_admin"};
    private static final String[] VIEWERS = {"owner", "tenant", "agent", "field_executive", "property_manager",
                                             "admin", "super_admin"};

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/properties/*/media").hasAnyRole(UPLOADERS)
             .requestMatchers(HttpMethod.PUT, "/api/properties/*/media/primary", "/api/properties/*/media/order",
                              "/api/properties/*/media/*").hasAnyRole(UPLOADERS)
             .requestMatchers(HttpMethod.DELETE, "/api/properties/*/media/*").hasAnyRole(DELETERS)
             .requestMatchers(HttpMethod.POST, "/api/properties/*/media/*/review").hasAnyRole(REVIEWERS)
             .requestMatchers(HttpMethod.GET, "/api/properties/*/media/*/content").hasAnyRole(VIEWERS);
    }
}
