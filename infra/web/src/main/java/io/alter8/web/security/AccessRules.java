package io.alter8.web.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A feature's role rules per request (method and path), applied in the filter chain before the request is read:
 * a caller who may not send a command learns that (403) before anything about its body (400).
 * Ownership rules, which need the entity, stay in the handlers.
 */
@FunctionalInterface
public interface AccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules);
}
