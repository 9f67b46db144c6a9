package io.alter8.client;

import java.net.http.HttpRequest;
import java.util.function.Consumer;

/** The generated clients of both services, sending the caller's access token (none before login). */
final class Clients {

    private Clients() {
    }

    static io.alter8.client.command.ApiClient command(String baseUrl, String accessToken) {
        io.alter8.client.command.ApiClient client = new io.alter8.client.command.ApiClient();
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(bearer(accessToken));
        return client;
    }

    static io.alter8.client.query.ApiClient query(String baseUrl, String accessToken) {
        io.alter8.client.query.ApiClient client = new io.alter8.client.query.ApiClient();
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(bearer(accessToken));
        return client;
    }

    private static Consumer<HttpRequest.Builder> bearer(String accessToken) {
        return request -> {
            if (accessToken != null) {
                request.header("Authorization", "Bearer " + accessToken);
            }
        };
    }
}
