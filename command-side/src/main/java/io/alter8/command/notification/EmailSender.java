package io.alter8.command.notification;

import io.alter8.api.common.NotificationChannel;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.nio.charset.StandardCharsets;

/** E-mail over SMTP (Jakarta Mail through Spring's {@link JavaMailSender}; {@code spring.mail.*}). */
class EmailSender implements ChannelSender {

    private final JavaMailSender mail;
    private final String from;

    EmailSender(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public String send(RenderedMessage message) throws DeliveryFailure {
        MimeMessage mime = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(message.destination());
            helper.setSubject(message.subject());
            helper.setText(message.body());
            // Our own id, so that a bounce or a provider's report can be tied back to the row.
            mime.setHeader("X-Alter8-Message-Id", message.id().toString());
            mail.send(mime);
            return mime.getMessageID();
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            // A malformed address or message does not improve with time.
            throw new DeliveryFailure("message refused: " + e.getClass().getSimpleName(), true);
        } catch (MailAuthenticationException e) {
            throw new DeliveryFailure("SMTP authentication failed", false);
        } catch (MailException e) {
            throw new DeliveryFailure("SMTP server did not take the message: " + e.getClass().getSimpleName(),
                                      false);
        }
    }
}
