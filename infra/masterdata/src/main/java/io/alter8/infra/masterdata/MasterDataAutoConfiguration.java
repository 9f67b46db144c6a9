package io.alter8.infra.masterdata;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** The service's master data, read from its own schema (the migration lives in {@code db/masterdata}). */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
public class MasterDataAutoConfiguration {

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    @ConditionalOnMissingBean
    MasterData masterData(JdbcTemplate jdbc) {
        return new MasterData(jdbc);
    }
}
