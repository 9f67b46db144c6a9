package io.alter8.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Brings the shared HTTP conventions into a service that has this module on its classpath. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@Import({ApiExceptionHandler.class, ProblemErrorController.class})
@EnableConfigurationProperties(RateLimits.class)
public class WebConventionsAutoConfiguration {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    RateLimiter rateLimiter(ObjectProvider<StringRedisTemplate> redis, RateLimits limits) {
        return new RateLimiter(redis, limits);
    }

    /** Rate limits on every API route, counted in Redis when the service has it. */
    @Bean
    WebMvcConfigurer rateLimiting(ObjectProvider<StringRedisTemplate> redis, RateLimiter limiter) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                redis.ifAvailable(template -> registry.addInterceptor(new RateLimitInterceptor(limiter))
                                                      .addPathPatterns("/api/**")
                                                      .order(Ordered.HIGHEST_PRECEDENCE));
            }
        };
    }
}
