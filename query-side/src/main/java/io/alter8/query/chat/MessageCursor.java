package io.alter8.query.chat;

import io.alter8.web.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of messages ends: the last message's time and id, opaque to clients (base64url). The next page is
 * what is older, so messages arriving meanwhile neither shift nor repeat it, as an offset would.
 */
record MessageCursor(Instant createdAt, UUID id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                     .encodeToString((createdAt.toEpochMilli() + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back; null for none; 400 naming {@code field} if it is not one of ours. */
    static MessageCursor decode(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":", 2);
            return new MessageCursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw ApiException.badInput(field, "is not a cursor this service gave (use nextCursor of a page)");
        }
    }
}
