package io.alter8.infra.stack;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

import java.security.KeyPair;

/**
 * Points a Spring test context at the JVM's shared embedded stack ({@link EmbeddedStack#shared()}, and
 * {@link EmbeddedMail#shared()} for SMTP) and the JVM's token keys ({@link TestTokens}) and a checkpoint key of its own:
 * {@code @ContextConfiguration(initializers = EmbeddedStackInitializer.class)}.
 */
public class EmbeddedStackInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The JVM's key for signing the event log's checkpoints, made once like the token keys. */
    private static final KeyPair CHECKPOINT_KEYS = DevKeys.checkpointKeys();
    /** The key it replaced: the test platform has been through one rotation, and this key's checkpoints verify. */
    private static final KeyPair RETIRED_CHECKPOINT_KEYS = DevKeys.checkpointKeys();

    /** The retired checkpoint pair, for tests that sign as the platform did before its rotation. */
    public static KeyPair retiredCheckpointKeys() {
        return RETIRED_CHECKPOINT_KEYS;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        EmbeddedStack stack = EmbeddedStack.shared();
        EmbeddedMail mail = EmbeddedMail.shared();
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                "spring.datasource.url=" + stack.jdbcUrl(),
                "spring.datasource.username=" + EmbeddedStack.USER,
                "spring.datasource.password=postgres",
                "alter8.event-store.url=" + stack.jdbcUrl(),
                "alter8.event-store.username=" + EmbeddedStack.USER,
                "alter8.event-store.password=postgres",
                "spring.data.redis.url=redis://" + stack.redisHost() + ":" + stack.redisPort(),
                "spring.mongodb.uri=" + stack.mongoUri(),
                "spring.mail.host=" + mail.host(),
                "spring.mail.port=" + mail.port(),
                "alter8.security.jwt.public-key=" + TestTokens.publicKeyPem().replace("\n", ""),
                "alter8.security.jwt.private-key=" + TestTokens.privateKeyPem().replace("\n", ""),
                // Tests act as any user with minted tokens that belong to no login session.
                "alter8.security.jwt.service-tokens=true",
                "alter8.audit.signing-key=" + DevKeys.oneLine(CHECKPOINT_KEYS.getPrivate().getEncoded()),
                "alter8.audit.public-key=" + DevKeys.oneLine(CHECKPOINT_KEYS.getPublic().getEncoded()),
                "alter8.audit.retired-public-keys="
                        + DevKeys.oneLine(RETIRED_CHECKPOINT_KEYS.getPublic().getEncoded()));
    }
}
