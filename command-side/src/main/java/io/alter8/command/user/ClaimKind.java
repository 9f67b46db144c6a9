package io.alter8.command.user;

import java.util.Locale;

/** What must be unique across users, each kind on its own (as the seed's unique columns are per table). */
enum ClaimKind {
    EMAIL("e-mail address", false),
    PHONE("phone number", false),
    OWNER_PAN("PAN", true),
    OWNER_AADHAAR("Aadhaar number", true),
    TENANT_AADHAAR("Aadhaar number", true),
    AGENT_RERA_LICENCE("RERA licence number", false);

    private final String label;
    private final boolean secret;

    ClaimKind(String label, boolean secret) {
        this.label = label;
        this.secret = secret;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    String label() {
        return label;
    }

    /** Claimed only as a keyed hash: the value is personal data. */
    boolean secret() {
        return secret;
    }

    /** The problem type of a value someone else holds, e.g. {@code owner-pan-already-registered}. */
    String conflictCode() {
        return key().replace('_', '-') + "-already-registered";
    }
}
