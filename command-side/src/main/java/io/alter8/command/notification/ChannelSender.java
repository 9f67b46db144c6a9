package io.alter8.command.notification;

import io.alter8.api.common.NotificationChannel;

/** One way out to a person (SMTP, an SMS or WhatsApp provider). Implementations never log a message's text. */
interface ChannelSender {

    NotificationChannel channel();

    /**
     * Hands the message to the provider; answers the provider's id for it (may be null).
     *
     * @throws DeliveryFailure when the provider did not take it
     */
    String send(RenderedMessage message) throws DeliveryFailure;

    /** A message ready to go: its text may hold a code, so it exists only in memory, while it is sent. */
    record RenderedMessage(java.util.UUID id, String destination, String subject, String body) {

        @Override
        public String toString() {
            return "RenderedMessage[" + id + "]";
        }
    }

    /** The provider refused or could not be reached; {@code permanent} when trying again cannot help. */
    final class DeliveryFailure extends Exception {

        private final boolean permanent;

        DeliveryFailure(String message, boolean permanent) {
            super(message, null, false, false);
            this.permanent = permanent;
        }

        boolean permanent() {
            return permanent;
        }
    }
}
