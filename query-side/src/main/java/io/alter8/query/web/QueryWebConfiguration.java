package io.alter8.query.web;

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
}
