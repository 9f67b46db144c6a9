package io.alter8.command;

import io.alter8.command.auth.SentMessages;
import io.alter8.command.notification.ProviderStub;
import io.alter8.infra.stack.EmbeddedStackInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The command side on a real port against the JVM's shared embedded stack; one Spring context for all such tests.
 * Messages the service queues are caught by {@link SentMessages}; e-mails arrive in the embedded SMTP server, SMS
 * and WhatsApp messages at {@link ProviderStub}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"alter8.query-side.base-url=http://query.test",
                              // Low enough for RateLimitTest to reach; no other test calls it twice per user.
                              "alter8.rate-limits.per-endpoint.delete_api_auth_sessions_id=2",
                              // As behind a proxy: tests act as many clients, each with its own address.
                              "server.forward-headers-strategy=framework",
                              // Tests want a process's outcome, not the 202 of one still running (ProcessOutcomesTest
                              // covers that): a busy 2-core CI machine can take longer than production's 5 s.
                              "alter8.processes.answer-within=20s",
                              // Tests run the late-fee assessment themselves, never on the hour.
                              "alter8.leases.assessment-cron=-",
                              // Retries within a test's patience: 100 ms, then 200 ms, 400 ms.
                              "alter8.notifications.backoff=100ms", "alter8.notifications.max-attempts=4",
                              // Longer than any test waits for a message: what this service queues must wake its
                              // workers, and ended back-offs too, without their periodic look.
                              "alter8.notifications.poll=30s", "alter8.notifications.sweep=PT0.5S"})
@ContextConfiguration(initializers = {EmbeddedStackInitializer.class, ProviderStub.class})
@Import(SentMessages.class)
public @interface CommandSideTest {
}
