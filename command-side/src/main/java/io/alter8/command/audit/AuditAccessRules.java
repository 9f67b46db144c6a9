package io.alter8.command.audit;

import io.alter8.web.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The history is the auditors' (and admins'): every other role is refused at the door, whatever it asks about, so a
 * refusal says nothing about which entities exist.
 */
@Component
class AuditAccessRules implements AccessRules {

    static final String[] AUDITORS = {"auditor", "admin", "super_admin"};

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/audit/**").hasAnyRole(AUDITORS)
             .requestMatchers(HttpMethod.POST, "/api/audit/**").hasAnyRole(AUDITORS);
    }
}
