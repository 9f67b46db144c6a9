package io.alter8.query.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class QueryWebConfiguration implements WebMvcConfigurer {

    private final AwaitPositionInterceptor awaitPosition;

    QueryWebConfiguration(AwaitPositionInterceptor awaitPosition) {
        this.awaitPosition = awaitPosition;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(awaitPosition).addPathPatterns("/api/**");
    }

    @Bean
    OpenAPI querySideApi() {
        return new OpenAPI().info(new Info()
                .title("Alter8 query side")
                .version("v1")
                .description("Read models of Alter8. Send X-Await-Position with the position a command answered "
                        + "to read your own write; answers carry X-Read-Position."));
    }
}
