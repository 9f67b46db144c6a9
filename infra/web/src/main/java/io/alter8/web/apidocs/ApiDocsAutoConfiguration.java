package io.alter8.web.apidocs;

import io.alter8.web.ProblemErrorController;
import io.alter8.web.security.JwtSettings;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** The shared API docs conventions, in a service that publishes API docs with springdoc. */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
public class ApiDocsAutoConfiguration {

    @Bean
    ApiDocsConventions apiDocsConventions(ObjectProvider<JwtSettings> jwt) {
        // The container's error page is no route of the API.
        SpringDocUtils.getConfig().addHiddenRestControllers(ProblemErrorController.class);
        // A JsonNode field (an event's payload, say) is any JSON value, not the node class's getters, and a schema
        // named JsonNode would clash with Jackson's class in a generated client.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new Schema<>().description("any JSON value"));
        return new ApiDocsConventions(jwt.getIfAvailable(() -> new JwtSettings(null, null, List.of(), false)).publicPaths());
    }

    @Bean
    RecordSchemas recordSchemas() {
        return new RecordSchemas();
    }
}
