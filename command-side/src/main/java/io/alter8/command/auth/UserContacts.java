package io.alter8.command.auth;

import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Where a user can be reached (their login's e-mail address and phone), for features that send them messages. */
@Component
public class UserContacts {

    /** Either may be null, not both. */
    public record Contact(UUID userId, String email, String phone) {
    }

    private final Credentials credentials;

    UserContacts(Credentials credentials) {
        this.credentials = credentials;
    }

    public Optional<Contact> of(UUID userId) {
        return credentials.contactOf(userId).map(c -> new Contact(c.userId(), c.email(), c.phone()));
    }
}
