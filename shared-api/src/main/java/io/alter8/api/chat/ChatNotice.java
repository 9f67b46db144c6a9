package io.alter8.api.chat;

import java.time.Instant;
import java.util.UUID;

/**
 * New chat messages for a participant who had no live stream open when they were sent: queued by the query side's
 * chat in MongoDB (collection {@value #COLLECTION}, one open notice per conversation and recipient, which every
 * further message joins until it is due), and issued once due as one notification by the command side, which owns
 * delivery. Chat has no events, so this queue is where the two sides meet for it. A notice names how many messages,
 * never what they say.
 */
public record ChatNotice(UUID id, UUID conversationId, UUID recipientId, String subjectType, UUID subjectId,
                         int messages, Instant due) {

    public static final String COLLECTION = "chat_notices";
    /** Fields of a stored notice. */
    public static final String CONVERSATION = "conversationId";
    public static final String RECIPIENT = "recipientId";
    public static final String SUBJECT_TYPE = "subjectType";
    public static final String SUBJECT = "subjectId";
    /** The ids of the messages it tells of (a set, so a message counts once). */
    public static final String MESSAGE_IDS = "messageIds";
    public static final String FIRST_AT = "firstAt";
    public static final String LAST_AT = "lastAt";
    public static final String DUE = "due";
    public static final String STATUS = "status";
    public static final String CLAIMED_AT = "claimedAt";
    public static final String ISSUED_AT = "issuedAt";
    /**
     * Unique: {@link #openKey} while the notice is pending, so concurrent messages join one notice; its own id once
     * claimed, so the next message opens a new one.
     */
    public static final String OPEN_KEY = "openKey";
    /** Statuses: waiting for more messages until due; being issued; issued. */
    public static final String PENDING = "pending";
    public static final String ISSUING = "issuing";
    public static final String ISSUED = "issued";

    /** The open key of a recipient's pending notice of a conversation. */
    public static String openKey(UUID conversationId, UUID recipientId) {
        return conversationId + ":" + recipientId;
    }
}
