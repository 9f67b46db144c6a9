package io.alter8.command;

import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;
import java.util.regex.Pattern;

import static io.alter8.command.property.PropertyBodies.apartment;
import static org.assertj.core.api.Assertions.assertThat;

/** Answers carry a Content-Security-Policy; bodies with a repeated key are refused before anything runs. */
@CommandSideTest
class HeadersAndJsonTest {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api() {
        return new ApiClient("http://localhost:" + port);
    }

    @Test
    void apiAnswersForbidLoadingAndFramingAnything() {
        ApiClient owner = api().withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        for (Response r : new Response[]{owner.post("/api/properties", "{}"), api().post("/api/properties", "{}"),
                owner.put("/api/properties/" + UUID.randomUUID() + "/status", "{\"status\": \"active\"}"),
                api().get("/v3/api-docs"), api().get("/actuator/health")}) {
            assertThat(r.header("Content-Security-Policy")).as(r.status() + " " + r.body()).startsWith(API_POLICY);
        }
    }

    /** Swagger UI is a page: it gets the policy that lets it load its own files, and needs no inline script. */
    @Test
    void swaggerUiKeepsWorkingUnderItsOwnPolicy() {
        Response page = api().get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self';").contains("connect-src 'self'")
                          .contains("frame-ancestors 'none'").doesNotContain("'unsafe-eval'");
        var scripts = Pattern.compile("<script([^>]*)>").matcher(page.body());
        int count = 0;
        while (scripts.find()) {
            count++;
            String src = scripts.group(1).replaceAll(".*src=\"([^\"]+)\".*", "$1");
            assertThat(src).as("every script is a file of this origin").startsWith("./");
            assertThat(api().get("/swagger-ui/" + src.substring(2)).status()).as(src).isEqualTo(200);
        }
        assertThat(count).isPositive();
        assertThat(api().get("/swagger-ui/swagger-initializer.js").header("Content-Security-Policy"))
                .isEqualTo(policy);
    }

    /** The attack: a body says one title to whatever read its first key and another to the service. */
    @Test
    void aRepeatedKeyIsA400NamingItAndStoresNothing() {
        ApiClient owner = api().withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        String id = UUID.randomUUID().toString();
        String body = apartment(id, null, "Flat", "25000");
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE type IS NOT NULL", Long.class);

        Response title = owner.post("/api/properties", body.replace("\"title\":", "\"title\": \"Other\", \"title\":"));
        Response nested = owner.post("/api/properties", body.replace("{\"amount\": \"25000\",",
                                                                     "{\"amount\": \"1\", \"amount\": \"25000\","));

        assertThat(title.status()).as(title.body()).isEqualTo(400);
        assertThat(title.contentType()).hasValue("application/problem+json");
        assertThat(title.fieldErrors()).containsExactly("title: appears more than once");
        assertThat(nested.status()).as(nested.body()).isEqualTo(400);
        assertThat(nested.fieldErrors()).containsExactly("terms.monthlyRent.amount: appears more than once");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE type IS NOT NULL", Long.class)).isEqualTo(events);
    }
}
