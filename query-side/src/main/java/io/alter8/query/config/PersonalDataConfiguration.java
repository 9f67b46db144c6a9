package io.alter8.query.config;

import io.alter8.infra.privacy.JdbcDataKeys;
import io.alter8.infra.privacy.MasterKey;
import io.alter8.infra.privacy.PersonalDataCipher;
import io.alter8.infra.privacy.PersonalDataReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How projectors read names, e-mail addresses, phones and dates of birth, which events carry encrypted: the users'
 * data keys are looked up in the command side's {@code user_data_key} through a read-only pool of two connections
 * (the event store's database and credentials, whatever event store the processors read), unwrapped with the master
 * key. A shredded key reads as erased, so a replay after an erasure writes no personal value. Only
 * {@link PersonalDataReader} is a bean: this side never encrypts, and its connections could not store a key.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStoreProperties.class)
class PersonalDataConfiguration {

    /** Wrapped: a second bean of the event store pool's type (JDBC store only) would make its injection ambiguous. */
    @Bean
    CommandSideConnections commandSideConnections(EventStoreProperties properties) {
        return new CommandSideConnections(new EventStoreConfiguration.EventStoreConnections(properties, "command-side",
                                                                                            2));
    }

    /**
     * The read-only pool to the command side's tables this side reads besides the events: the data keys, and the
     * platform's clock on the local stack ({@link PlatformClockConfiguration}). Closed with the context.
     */
    record CommandSideConnections(EventStoreConfiguration.EventStoreConnections connections) implements AutoCloseable {

        @Override
        public void close() {
            connections.close();
        }
    }

    @Bean
    PersonalDataReader personalDataReader(CommandSideConnections keys, Environment environment,
                                          @Value("${alter8.privacy.master-key:}") String masterKey) {
        MasterKey master = MasterKey.of(masterKey, environment.acceptsProfiles(Profiles.of("prod")));
        return new PersonalDataCipher(new JdbcDataKeys(new JdbcTemplate(keys.connections().dataSource())), master);
    }
}
