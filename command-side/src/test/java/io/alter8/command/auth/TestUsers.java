package io.alter8.command.auth;

import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Signs up users through the API, as a client would, with an e-mail and an Indian mobile number of their own: the
 * sign-up, then the codes that reached that inbox and phone ({@link SentMessages}). Each from a client of its own,
 * as different people sign up from different places.
 */
public final class TestUsers {

    public record User(UUID id, String email, String phone, String password) {
    }

    private TestUsers() {
    }

    public static User register(ApiClient api, String role, String password) {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        String phone = "+919" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        return register(api, email, phone, role, "IN", password);
    }

    /** The whole sign-up of one user: 202, the two codes, 201; fails the test on any other answer. */
    public static User register(ApiClient api, String email, String phone, String role, String country,
                                String password) {
        ApiClient person = api.asAnotherClient();
        Response started = person.post("/api/auth/register", """
                {"email": "%s", "phone": "%s", "firstName": "Asha", "lastName": "Rao", "role": "%s",
                 "country": "%s", "password": "%s"}""".formatted(email, phone, role, country, password));
        if (started.status() != 202) {
            throw new IllegalStateException("registration failed: " + started.status() + " " + started.body());
        }
        Response done = person.post("/api/auth/register/verify", """
                {"registrationId": "%s", "emailCode": "%s", "phoneCode": "%s"}""".formatted(
                started.json().path("registrationId").asString(),
                SentMessages.latestCode(email, "otp_email_verification").orElseThrow(),
                SentMessages.latestCode(phone, "otp_phone_verification").orElseThrow()));
        if (done.status() != 201) {
            throw new IllegalStateException("registration failed: " + done.status() + " " + done.body());
        }
        return new User(UUID.fromString(done.json().path("id").asString()), email, phone, password);
    }
}
