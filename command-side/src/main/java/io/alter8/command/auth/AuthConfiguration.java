package io.alter8.command.auth;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthSettings.class)
class AuthConfiguration {

    /**
     * New hashes are Argon2id ({@code {argon2}…}), which takes passwords of any length; hashes stored before are
     * bare BCrypt and still match, and a login with one rehashes it ({@link PasswordEncoder#upgradeEncoding}).
     */
    @Bean
    PasswordEncoder passwordEncoder(AuthSettings settings) {
        PasswordEncoder bcrypt = new LegacyBcrypt(settings.bcryptStrength());
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(
                "argon2", Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", bcrypt));
        encoder.setDefaultPasswordEncoderForMatches(bcrypt);
        return encoder;
    }

    /**
     * BCrypt reads only 72 bytes, and Spring's refuses longer passwords with an exception (a 500). A password
     * stored under BCrypt was at most 72 bytes long, so a longer one cannot be it: simply no match.
     */
    static final class LegacyBcrypt extends BCryptPasswordEncoder {

        private static final int MAX_BYTES = 72;

        LegacyBcrypt(int strength) {
            super(strength);
        }

        @Override
        protected boolean matchesNonNull(String raw, String encoded) {
            if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
                return false;
            }
            return super.matchesNonNull(raw, encoded);
        }
    }
}
