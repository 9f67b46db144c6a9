package io.alter8.command.notification;

import io.alter8.api.common.NotificationChannel;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SMS or WhatsApp through a provider's HTTP webhook: a POST of {@code {"messageId", "channel", "to", "text"}} as
 * JSON (with the configured bearer token); any 2xx means the provider took it, and its JSON answer's {@code id}, if
 * any, is kept. 4xx other than 408 and 429 is final; anything else is tried again.
 */
class WebhookSender implements ChannelSender {

    private final NotificationChannel channel;
    private final DeliverySettings.Webhook webhook;
    private final RestClient http;
    private final JsonMapper json;

    WebhookSender(NotificationChannel channel, DeliverySettings.Webhook webhook, JsonMapper json) {
        this.channel = channel;
        this.webhook = webhook;
        this.json = json;
        HttpClient client = HttpClient.newBuilder().connectTimeout(webhook.timeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(webhook.timeout());
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    @Override
    public NotificationChannel channel() {
        return channel;
    }

    @Override
    public String send(RenderedMessage message) throws DeliveryFailure {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", message.id().toString());
        body.put("channel", channel.wire());
        body.put("to", message.destination());
        body.put("text", message.body());
        try {
            String answer = http.post().uri(webhook.url()).contentType(MediaType.APPLICATION_JSON)
                                .headers(h -> {
                                    if (webhook.token() != null && !webhook.token().isBlank()) {
                                        h.setBearerAuth(webhook.token());
                                    }
                                })
                                .body(json.writeValueAsString(body))
                                .exchange((request, response) -> {
                                    HttpStatusCode status = response.getStatusCode();
                                    if (!status.is2xxSuccessful()) {
                                        throw new ProviderAnswered(status.value());
                                    }
                                    return new String(response.getBody().readAllBytes());
                                });
            return providerId(answer);
        } catch (ProviderAnswered e) {
            int status = e.status;
            boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
            throw new DeliveryFailure(channel.wire() + " provider answered " + status, permanent);
        } catch (ResourceAccessException e) {
            throw new DeliveryFailure(channel.wire() + " provider unreachable", false);
        } catch (RestClientException e) {
            throw new DeliveryFailure(channel.wire() + " provider call failed: " + e.getClass().getSimpleName(),
                                      false);
        }
    }

    private String providerId(String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(answer);
            return node.hasNonNull("id") ? node.get("id").asString() : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** Carries a non-2xx status out of the exchange callback. */
    private static final class ProviderAnswered extends RuntimeException {

        private final int status;

        ProviderAnswered(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }
}
