package io.alter8.infra.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The spec checks themselves: a good document passes, each kind of fault is named. */
class ApiContractChecksTest {

    private static final String GOOD = """
            {"openapi": "3.0.1", "info": {"title": "t", "version": "v1"},
             "components": {
               "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}},
               "schemas": {"Problem": {"type": "object", "example": {"status": 404},
                                       "properties": {"status": {"type": "integer"}}}}},
             "paths": {
               "/api/things/{id}": {"put": {
                 "operationId": "changeThing",
                 "security": [{"bearerAuth": []}],
                 "parameters": [{"in": "path", "name": "id", "required": true, "schema": {"type": "string"}},
                                {"in": "header", "name": "If-Match", "schema": {"type": "string"}}],
                 "responses": {
                   "200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}},
                   "401": {"description": "no", "content": {"application/problem+json":
                                                            {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                   "403": {"description": "no", "content": {"application/problem+json":
                                                            {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                   "412": {"description": "no", "content": {"application/problem+json":
                                                            {"schema": {"$ref": "#/components/schemas/Problem"}}}}
                 }}},
               "/api/open": {"post": {
                 "operationId": "open", "security": [],
                 "responses": {"204": {"description": "done"}}}}}}""";

    @Test
    void aSpecThatKeepsEveryRuleHasNoProblems() {
        assertThat(ApiContract.problems(GOOD, "/api/open"::equals)).isEmpty();
    }

    @Test
    void eachFaultIsNamed() {
        String bad = GOOD.replace("\"schema\": {\"type\": \"string\"}}]", "\"description\": \"no schema\"}]")
                         .replace("\"bearerFormat\": \"JWT\"", "\"bearerFormat\": \"opaque\"")
                         .replace("\"application/json\"", "\"*/*\"")
                         .replace("\"412\"", "\"409\"")
                         .replace("\"security\": [],", "")
                         .replace("\"/api/open\"", "\"/error\"");

        assertThat(ApiContract.problems(bad, "/error"::equals)).anyMatch(p -> p.contains("If-Match has no schema"))
                .anyMatch(p -> p.contains("no http bearer JWT security scheme"))
                .anyMatch(p -> p.contains("content type */*"))
                .anyMatch(p -> p.contains("takes If-Match, but does not document 412"))
                .anyMatch(p -> p.contains("public, but does not declare security: []"))
                .anyMatch(p -> p.contains("/error is published"));
    }

    @Test
    void anErrorThatIsNotAProblemAndAMissingTokenRuleAreNamed() {
        String bad = GOOD.replace("\"401\": {\"description\": \"no\", \"content\": {\"application/problem+json\"",
                                  "\"401\": {\"description\": \"no\", \"content\": {\"text/html\"")
                         .replace("\"security\": [{\"bearerAuth\": []}],", "");

        assertThat(ApiContract.problems(bad, path -> false))
                .anyMatch(p -> p.contains("401 is not a problem+json Problem"))
                .anyMatch(p -> p.contains("needs a token, but does not declare bearerAuth"));
    }

    @Test
    void anExampleThatDoesNotFitItsSchemaIsNamed() {
        String bad = GOOD.replace("\"example\": {\"status\": 404}", "\"example\": {\"status\": \"404\", \"code\": 1}")
                         .replace("{\"in\": \"header\", \"name\": \"If-Match\", \"schema\": {\"type\": \"string\"}}",
                                  "{\"in\": \"header\", \"name\": \"If-Match\", \"schema\": {\"type\": \"string\"}, "
                                          + "\"example\": 3}");

        assertThat(ApiContract.problems(bad, "/api/open"::equals))
                .anyMatch(p -> p.contains("example \"404\" is not of type integer"))
                .anyMatch(p -> p.contains("example has code, which the schema does not know"))
                .anyMatch(p -> p.contains("example 3 is not of type string"));
    }

    @Test
    void theParserReportsAnInvalidDocument() {
        String invalid = GOOD.replace("\"info\": {\"title\": \"t\", \"version\": \"v1\"},", "");

        assertThat(ApiContract.problems(invalid, "/api/open"::equals)).anyMatch(p -> p.startsWith("parser:"));
    }

    @Test
    void aDriftFromTheCommittedSpecFailsAndNamesWhere(@TempDir Path dir) throws IOException {
        Path committed = dir.resolve("api.json");
        Files.writeString(committed, GOOD.replace("\"changeThing\"", "\"renamedThing\""));

        assertThatThrownBy(() -> ApiContract.assertMatchesCommitted(GOOD, committed))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/put/operationId")
                .hasMessageContaining("renamedThing")
                .hasMessageContaining(ApiContract.WRITE_PROPERTY);

        // The servers name the port of the moment: they are no part of the contract.
        Files.writeString(committed, GOOD);
        String served = GOOD.replace("\"openapi\"", "\"servers\": [{\"url\": \"http://x\"}], \"openapi\"");
        ApiContract.assertMatchesCommitted(served, committed);
    }
}
