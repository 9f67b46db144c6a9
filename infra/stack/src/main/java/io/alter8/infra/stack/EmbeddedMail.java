package io.alter8.infra.stack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.List;

/**
 * An in-process SMTP server (GreenMail) that accepts every message for every address and keeps it in memory: the
 * e-mail provider of the local stack and of the tests. A person reads it through {@link #messagesTo}, which the
 * local stack writes to its inbox files.
 */
public final class EmbeddedMail implements AutoCloseable {

    private static EmbeddedMail shared;

    private final GreenMail greenMail;
    private final int port;

    /** A message as it arrived: who it was for, its subject and its plain-text body. */
    public record ReceivedMail(String to, String from, String subject, String body) {
    }

    private EmbeddedMail(int port) {
        this.port = port == 0 ? EmbeddedStack.freePort() : port;
        this.greenMail = new GreenMail(new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.greenMail.start();
    }

    public static EmbeddedMail start(int port) {
        return new EmbeddedMail(port);
    }

    /** One per JVM for the tests, like {@link EmbeddedStack#shared()}. */
    public static synchronized EmbeddedMail shared() {
        if (shared == null) {
            shared = start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-mail-stop"));
        }
        return shared;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** Every message received so far, oldest first. */
    public List<ReceivedMail> messages() {
        return messagesFrom(0);
    }

    /** The messages received after the first {@code skip}, oldest first: only those are decoded. */
    public List<ReceivedMail> messagesFrom(int skip) {
        MimeMessage[] all = greenMail.getReceivedMessages();
        return Arrays.stream(all, Math.min(skip, all.length), all.length).map(EmbeddedMail::read).toList();
    }

    /** Every message received so far for {@code address}, oldest first. */
    public List<ReceivedMail> messagesTo(String address) {
        return messages().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    private static ReceivedMail read(MimeMessage message) {
        try {
            return new ReceivedMail(address(message.getRecipients(Message.RecipientType.TO)),
                                    address(message.getFrom()), message.getSubject(), text(message).strip());
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException("an unreadable message in the embedded mailbox", e);
        }
    }

    /** The decoded text of a plain message (quoted-printable or base64 as sent), else its raw body. */
    private static String text(MimeMessage message) throws MessagingException, java.io.IOException {
        return message.getContent() instanceof String text ? text : GreenMailUtil.getBody(message);
    }

    private static String address(jakarta.mail.Address[] addresses) {
        if (addresses == null || addresses.length == 0) {
            return "";
        }
        return addresses[0] instanceof jakarta.mail.internet.InternetAddress internet ? internet.getAddress()
                : addresses[0].toString();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
