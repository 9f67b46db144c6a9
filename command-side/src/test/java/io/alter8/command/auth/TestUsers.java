package io.alter8.command.auth;

import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Signs up users through the API, as a client would, with an e-mail and an Indian mobile number of their own. */
public final class TestUsers {

    public record User(UUID id, String email, String phone, String password) {
    }

    private TestUsers() {
    }

    public static User register(ApiClient api, String role, String password) {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        String phone = "+919" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        Response r = api.post("/api/auth/register", """
                {"email": "%s", "phone": "%s", "firstName": "Asha", "lastName": "Rao", "role": "%s",
                 "country": "IN", "password": "%s"}""".formatted(email, phone, role, password));
        if (r.status() != 201) {
            throw new IllegalStateException("registration failed: " + r.status() + " " + r.body());
        }
        return new User(UUID.fromString(r.json().path("id").asString()), email, phone, password);
    }
}
