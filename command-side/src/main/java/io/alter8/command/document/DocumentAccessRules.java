package io.alter8.command.document;

import io.alter8.web.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Which roles reach the document routes: everyone who may be one of an entity's people, and admins. Auditors and
 * analysts handle no documents. Whether the caller may use this document is the document's decision (404 or 403).
 */
@Component
class DocumentAccessRules implements AccessRules {

    private static final String[] PEOPLE = {"owner", "tenant", "agent", "field_executive", "property_manager",
                                            "admin", "super_admin"};

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/documents", "/api/documents/*/versions",
                              "/api/documents/*/signatures").hasAnyRole(PEOPLE)
             .requestMatchers(HttpMethod.GET, "/api/documents/*/content").hasAnyRole(PEOPLE)
             .requestMatchers(HttpMethod.PUT, "/api/documents/*/grants/*").hasAnyRole(PEOPLE)
             .requestMatchers(HttpMethod.DELETE, "/api/documents/*/grants/*").hasAnyRole(PEOPLE);
    }
}
