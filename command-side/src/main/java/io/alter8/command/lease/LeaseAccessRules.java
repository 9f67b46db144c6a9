package io.alter8.command.lease;

import io.alter8.web.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Which roles reach the lease routes: the parties' roles and admins; a lease's money only its tenants (paying) and
 * the owner, manager and admins. Field executives, auditors and analysts never change a lease. Whether the caller is
 * a party to this lease is the lease's own decision, answered 403 from it.
 */
@Component
class LeaseAccessRules implements AccessRules {

    private static final String[] PARTIES = {"owner", "agent", "property_manager", "tenant", "admin", "super_admin"};
    /** Who handles a lease's money for the owner: not the agent, who negotiates but does not collect. */
    private static final String[] OWNER_MONEY = {"owner", "property_manager", "admin", "super_admin"};

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/leases", "/api/leases/*/approval", "/api/leases/*/rejection",
                              "/api/leases/*/signatures", "/api/leases/*/activation", "/api/leases/*/termination",
                              "/api/leases/*/notice")
             .hasAnyRole(PARTIES)
             .requestMatchers(HttpMethod.PUT, "/api/leases/*/terms").hasAnyRole(PARTIES)
             .requestMatchers(HttpMethod.POST, "/api/leases/*/payments")
             .hasAnyRole("tenant", "owner", "property_manager", "admin", "super_admin")
             .requestMatchers(HttpMethod.POST, "/api/leases/*/late-fees/*/waiver", "/api/leases/*/recurring-charges",
                              "/api/leases/*/deposit/deductions", "/api/leases/*/deposit/refund",
                              "/api/leases/*/renewal")
             .hasAnyRole(OWNER_MONEY);
    }
}
