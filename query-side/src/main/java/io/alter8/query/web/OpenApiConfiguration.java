package io.alter8.query.web;

import io.alter8.web.apidocs.ApiDocs;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;

/**
 * The query side's API docs: what its conventions add to the shared ones ({@code ApiDocsConventions} in the web
 * module) — X-Await-Position on every route (and its 503), X-Read-Position on the answers of routes that name their
 * read model, and ETag on single entities.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI querySideApi() {
        return new OpenAPI().info(new Info()
                .title("Alter8 query side")
                .version("v1")
                .description("Read models of Alter8. Send X-Await-Position with the position a command answered "
                        + "to read your own write; answers carry X-Read-Position."));
    }

    /** Mirrors {@link AwaitPositionInterceptor}, which runs on every route under /api. */
    @Bean
    OperationCustomizer queryConventions() {
        return (operation, handler) -> {
            ApiDocs.headerParameter(operation, AwaitPositionInterceptor.AWAIT_HEADER,
                    "Answer only once the read model has passed this position (a command's answer), waiting at "
                            + "most 5 s; else 503",
                    new IntegerSchema().format("int64").minimum(BigDecimal.ZERO), 1234L);
            ApiDocs.problem(operation, "503", "The read model did not reach X-Await-Position in time");
            ApiDocs.responses(operation).get("503").addHeaderObject("Retry-After", ApiDocs.retryAfter());
            boolean namesReadModel = handler.getMethod().isAnnotationPresent(ReadModel.class)
                    || handler.getBeanType().isAnnotationPresent(ReadModel.class);
            ResolvableType returned = ResolvableType.forMethodReturnType(handler.getMethod());
            // A single entity is answered as a ResponseEntity carrying its version; lists and pages are not.
            boolean entity = ResponseEntity.class.equals(returned.resolve())
                    && !String.class.equals(returned.getGeneric(0).resolve());
            ApiResponse ok = ApiDocs.responses(operation).get("200");
            if (ok != null) {
                if (namesReadModel) {
                    ApiDocs.header(ok, AwaitPositionInterceptor.READ_POSITION_HEADER,
                                   "How far the read model had read when it answered",
                                   new IntegerSchema().format("int64"));
                }
                if (entity) {
                    ApiDocs.etag(ok);
                }
            }
            return operation;
        };
    }
}
