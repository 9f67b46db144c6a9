package io.alter8.infra.stack;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.util.AntPathMatcher;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What every service's published OpenAPI must be ({@link ApiContract}). A service's spec test extends this inside
 * its Spring test (a running server), names the committed copy of its spec, and adds its own checks on
 * {@link #spec}. The paths open without a token are the service's own {@code alter8.security.jwt.public-paths}.
 */
public abstract class PublishedApiTest {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final Path committed;

    @Autowired
    private Environment environment;

    /** The document as the service serves it, and parsed. */
    protected String json;
    protected JsonNode spec;

    /** {@code committed}: the copy the client is generated from, relative to the module. */
    protected PublishedApiTest(Path committed) {
        this.committed = committed;
    }

    @BeforeEach
    void fetchTheSpec() {
        ApiClient.Response docs = new ApiClient("http://localhost:" + environment.getProperty("local.server.port"))
                .get("/v3/api-docs");
        assertEquals(200, docs.status(), docs.body());
        json = docs.body();
        spec = ApiContract.parse(json);
    }

    @Test
    void isValidAndKeepsTheHouseRules() {
        List<String> open = Arrays.asList(environment.getProperty("alter8.security.jwt.public-paths", String[].class,
                                                                  new String[0]));
        assertEquals(List.of(), ApiContract.problems(json, path -> open.stream()
                .anyMatch(pattern -> PATHS.match(pattern.strip(), path))));
        assertFalse(spec.path("paths").has("/error"));
    }

    @Test
    void matchesTheCommittedSpec() {
        ApiContract.assertMatchesCommitted(json, committed);
    }
}
