package io.alter8.command.notification;

import io.alter8.api.common.NotificationChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * The channels this instance can send on: e-mail when SMTP is configured ({@code spring.mail.host}), SMS and
 * WhatsApp when their webhook has a URL. Messages for a channel without a sender stay pending (and are sent once one
 * is configured), so a missing setting delays messages but loses none.
 */
@Configuration
@EnableConfigurationProperties(DeliverySettings.class)
class DeliveryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeliveryConfiguration.class);

    @Bean
    List<ChannelSender> channelSenders(ObjectProvider<JavaMailSender> mail, DeliverySettings settings,
                                       JsonMapper json) {
        List<ChannelSender> senders = new ArrayList<>();
        JavaMailSender smtp = mail.getIfAvailable();
        if (smtp != null) {
            senders.add(new EmailSender(smtp, settings.emailFrom()));
        }
        if (settings.sms().configured()) {
            senders.add(new WebhookSender(NotificationChannel.SMS, settings.sms(), json));
        }
        if (settings.whatsapp().configured()) {
            senders.add(new WebhookSender(NotificationChannel.WHATSAPP, settings.whatsapp(), json));
        }
        if (senders.size() < 3) {
            log.warn("Some channels have no sender configured (see docs/deployment.md); their messages stay pending."
                     + " Sending on: {}", senders.stream().map(s -> s.channel().wire()).toList());
        }
        return senders;
    }
}
