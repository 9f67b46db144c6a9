package io.alter8.command.privacy;

import io.alter8.infra.privacy.JdbcDataKeys;
import io.alter8.infra.privacy.MasterKey;
import io.alter8.infra.privacy.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PrivacyConfiguration.class);

    @Bean
    PersonalDataCipher personalDataCipher(JdbcTemplate jdbc, Environment environment,
                                          @Value("${alter8.privacy.master-key:}") String masterKey) {
        MasterKey master = MasterKey.of(masterKey, environment.acceptsProfiles(Profiles.of("prod")));
        if (master.isLocalDevelopmentKey()) {
            log.warn("Personal data is encrypted with the public local development master key: fine on a developer "
                             + "machine, nowhere else. Set ALTER8_PRIVACY_MASTER_KEY (openssl rand -base64 32).");
        }
        log.info("Personal data master key id {}", master.id());
        return new PersonalDataCipher(new JdbcDataKeys(jdbc), master);
    }

    @Bean
    SamePlaintext samePlaintext(PersonalDataCipher cipher) {
        return new PlaintextComparison(cipher);
    }
}
