package io.alter8.api.notification;

import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification's message on one channel ({@code email}, {@code sms} or {@code whatsapp}) reached a new status:
 * {@code sent} (the provider took it), {@code delivered}, {@code read} (an e-mail opened) or {@code failed}, at
 * {@code at}, as the worker or the provider's receipt reported it. The command side's outbox decides the order
 * (never back from read to delivered); this carries no address or text.
 */
@Revision("1")
public record NotificationChannelUpdated(UUID notificationId,
                                         UserId userId,
                                         String channel,
                                         String status,
                                         Instant at) {
}
