package io.alter8.web.security;

import io.alter8.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Every endpoint of both services needs a valid access token, except the ones a caller needs to get one (the
 * service lists them in {@code alter8.security.jwt.public-paths}) and health and API docs. Tokens are checked
 * here, without asking the command side; roles become {@code ROLE_<role>} authorities. Refusals are problem+json:
 * 401 without or with a bad token, 403 when the caller may not.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@EnableConfigurationProperties(JwtSettings.class)
@EnableMethodSecurity
public class ApiSecurityConfiguration {

    private static final String[] ALWAYS_OPEN = {
            "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
            "/swagger-ui/**", "/error"};

    /**
     * No Spring Security observations: a span and a timer around every filter of every request, for metrics nobody
     * reads. With an ObservationRegistry present Spring Security wraps each filter in one, and Boot's {@code management.observations.enable.spring.security=false} only makes them
     * no-ops after the wrapping: a profile of the command side still showed the decorator around every filter.
     * {@code http.server.requests} still times each request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    JwtDecoder jwtDecoder(JwtSettings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(
                PemKeys.publicKey(settings.publicKey(), "alter8.security.jwt.public-key"))
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        OAuth2TokenValidator<Jwt> claims = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuer()));
        decoder.setJwtValidator(claims);
        return new VerifiedTokenCache(decoder, claims, 10_000);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtSettings settings, JsonMapper json,
                                    List<AccessRules> featureRules,
                                    ObjectProvider<AccountStatus> accountStatus) throws Exception {
        List<String> open = new ArrayList<>(List.of(ALWAYS_OPEN));
        open.addAll(settings.publicPaths());
        http.csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .httpBasic(AbstractHttpConfigurer::disable)
            .formLogin(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .headers(headers -> headers.addHeaderWriter(new ContentSecurityPolicy()))
            .authorizeHttpRequests(a -> {
                a.requestMatchers(open.toArray(String[]::new)).permitAll()
                 .requestMatchers("/actuator/**").hasAnyRole("admin", "super_admin");
                featureRules.forEach(rules -> rules.apply(a));
                a.anyRequest().authenticated();
            })
            .oauth2ResourceServer(rs -> rs
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesConverter()))
                    .authenticationEntryPoint((request, response, e) -> unauthenticated(response, json))
                    .accessDeniedHandler((request, response, e) -> write(response, json, forbidden())))
            .exceptionHandling(e -> e
                    .authenticationEntryPoint((request, response, ex) -> unauthenticated(response, json))
                    .accessDeniedHandler((request, response, ex) -> write(response, json, forbidden())));
        AccountStatus status = accountStatus.getIfAvailable(() -> (user, session) -> AccountStatus.Standing.UNKNOWN);
        http.addFilterAfter(liveTokensOnly(new LiveTokens(status, settings.serviceTokens()), json),
                            BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * A valid token whose session ended, whose roles are no longer the account's, or whose account is deactivated, is
     * refused like no token at all.
     */
    private static OncePerRequestFilter liveTokensOnly(LiveTokens live, JsonMapper json) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                var caller = CurrentUser.get();
                if (caller.isPresent() && !live.admit(caller.get())) {
                    unauthenticated(response, json);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** 401: no token, or one that is not valid (signature, issuer, expiry). */
    public static ProblemDetail unauthenticated() {
        return Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                           "send a valid access token: Authorization: Bearer <token>");
    }

    private static void unauthenticated(HttpServletResponse response, JsonMapper json) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, json, unauthenticated());
    }

    public static ProblemDetail forbidden() {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "you may not do this");
    }

    private static JwtAuthenticationConverter rolesConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            CurrentUser.roles(jwt).forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
            return authorities;
        });
        return converter;
    }

    private static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
