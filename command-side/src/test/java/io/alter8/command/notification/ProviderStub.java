package io.alter8.command.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The SMS and WhatsApp providers of the tests: one WireMock server per JVM answering {@code POST /sms} and
 * {@code POST /whatsapp} with 200 and a provider id, unless a test stubs a destination of its own otherwise. An
 * initializer of {@code @CommandSideTest} points the service's webhooks at it, and gives each channel the receipt
 * secret its provider signs delivery receipts with.
 */
public final class ProviderStub implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Each channel's receipt secret is this followed by the channel's name. */
    public static final String RECEIPT_SECRET_PREFIX = "test-receipt-secret-of-32-chars-or-more-";

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            for (String channel : List.of("sms", "whatsapp")) {
                server.stubFor(post(urlEqualTo("/" + channel)).atPriority(10).willReturn(
                        aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                                   .withBody("{\"id\": \"" + channel + "-{{randomValue type='UUID'}}\"}")
                                   .withTransformers("response-template")));
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "provider-stub-stop"));
        }
        return server;
    }

    /** Every request the provider of {@code channel} received for {@code to}, oldest first. */
    public static List<LoggedRequest> requestsTo(String channel, String to) {
        return server().findAll(postRequestedFor(urlEqualTo("/" + channel))
                                        .withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(to))));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String base = "http://127.0.0.1:" + server().port();
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                "alter8.notifications.sms.url=" + base + "/sms",
                "alter8.notifications.sms.token=test-sms-token",
                "alter8.notifications.whatsapp.url=" + base + "/whatsapp",
                "alter8.notifications.whatsapp.token=test-whatsapp-token",
                "alter8.notifications.receipt-secrets.email=" + RECEIPT_SECRET_PREFIX + "email",
                "alter8.notifications.receipt-secrets.sms=" + RECEIPT_SECRET_PREFIX + "sms",
                "alter8.notifications.receipt-secrets.whatsapp=" + RECEIPT_SECRET_PREFIX + "whatsapp");
    }
}
