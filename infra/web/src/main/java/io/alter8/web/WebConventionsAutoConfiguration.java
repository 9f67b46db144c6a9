package io.alter8.web;

import io.alter8.web.input.DataHeaderCheck;
import io.alter8.web.input.JsonBodyTextCheck;
import io.alter8.web.input.RequestTextCheck;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Brings the shared HTTP conventions into a service that has this module on its classpath. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
                   afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@Import({ApiExceptionHandler.class, ProblemErrorController.class, JsonBodyTextCheck.class})
@EnableConfigurationProperties({RateLimits.class, BodyLimits.class})
public class WebConventionsAutoConfiguration {

    /** Right after the correlation id, before security and anything else that reads the body. */
    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(BodyLimits limits, JsonMapper json) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(new BodyLimitFilter(limits,
                                                                                                                json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Replaces the host's HTML error page with {@link ProblemReportValve}. Ordered last, so that its context
     * customizer runs after Boot's, which adds a plain {@link ErrorReportValve} to the host.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return new OrderedProblemErrorReports();
    }

    private static final class OrderedProblemErrorReports
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.getPipeline().addValve(new ProblemReportValve());
                    // Keeps the host from adding its default valve when it starts.
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Control characters in the headers kept as data: refused before any filter reads them. */
    @Bean
    FilterRegistrationBean<DataHeaderCheck> dataHeaderCheck(JsonMapper json) {
        FilterRegistrationBean<DataHeaderCheck> registration = new FilterRegistrationBean<>(new DataHeaderCheck(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Control characters in parameters and path variables: refused before any controller. */
    @Bean
    WebMvcConfigurer textChecking() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                // After the rate limit (a refused call still counts), before anything that waits or reads.
                registry.addInterceptor(new RequestTextCheck()).addPathPatterns("/api/**")
                        .order(Ordered.HIGHEST_PRECEDENCE + 1);
            }
        };
    }

    @Bean
    RateLimiter rateLimiter(ObjectProvider<StringRedisTemplate> redis, RateLimits limits) {
        return new RateLimiter(redis, limits);
    }

    /** Rate limits on every API route, counted in Redis when the service has it. */
    @Bean
    @ConditionalOnBean(StringRedisTemplate.class)
    RateLimitInterceptor rateLimitInterceptor(RateLimiter limiter) {
        return new RateLimitInterceptor(limiter);
    }

    @Bean
    WebMvcConfigurer rateLimiting(ObjectProvider<RateLimitInterceptor> rateLimits) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                rateLimits.ifAvailable(interceptor -> registry.addInterceptor(interceptor)
                                                              .addPathPatterns("/api/**")
                                                              .order(Ordered.HIGHEST_PRECEDENCE));
            }
        };
    }
}
