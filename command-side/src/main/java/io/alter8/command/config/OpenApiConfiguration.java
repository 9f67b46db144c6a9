package io.alter8.command.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI commandSideApi() {
        return new OpenAPI().info(new Info()
                .title("Alter8 command side")
                .version("v1")
                .description("Commands that change Alter8's state. Every success answers {id, version, position}; "
                        + "send position as X-Await-Position to the query side to read your write."));
    }
}
