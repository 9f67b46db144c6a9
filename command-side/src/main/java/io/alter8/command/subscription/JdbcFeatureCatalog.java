package io.alter8.command.subscription;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link FeatureCatalog} from {@code master_feature}, which admins' definitions join in the same transaction. */
@Component
class JdbcFeatureCatalog implements FeatureCatalog {

    private final JdbcTemplate jdbc;

    JdbcFeatureCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String code) {
        Integer found = jdbc.queryForObject("SELECT count(*) FROM master_feature WHERE code = ?", Integer.class, code);
        return found != null && found > 0;
    }
}
