package io.alter8.command.user;

import java.util.Locale;

/** What must be unique across users, each kind on its own (as the data models' unique columns are per table). */
enum ClaimKind {
    EMAIL("e-mail address"),
    PHONE("phone number"),
    OWNER_PAN("PAN"),
    OWNER_AADHAAR("Aadhaar number"),
    TENANT_AADHAAR("Aadhaar number"),
    AGENT_RERA_LICENCE("RERA licence number");

    private final String label;

    ClaimKind(String label) {
        this.label = label;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    String label() {
        return label;
    }

    /** The problem type of a value someone else holds, e.g. {@code owner-pan-already-registered}. */
    String conflictCode() {
        return key().replace('_', '-') + "-already-registered";
    }
}
