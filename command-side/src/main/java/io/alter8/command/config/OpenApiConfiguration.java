package io.alter8.command.config;

import io.alter8.api.common.WireEnum;
import io.alter8.command.web.CommandAccepted;
import io.alter8.command.web.IdempotencyFilter;
import io.alter8.command.web.OneOf;
import io.alter8.web.RequestContext;
import io.alter8.web.apidocs.ApiDocs;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Map;

/**
 * The command side's API docs: what its conventions add to the shared ones ({@code ApiDocsConventions} in the web
 * module) — Idempotency-Key on every command, 201 with Location and ETag for creations, ETag on every command
 * answer, the wire values of enum fields, and examples of the main request bodies.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** The main routes' request bodies carry an example, from {@code openapi-examples/<name>.json}. */
    private static final Map<String, String> EXAMPLES = Map.of(
            "POST /api/auth/register", "sign-up",
            "POST /api/auth/login", "login",
            "POST /api/properties", "register-property",
            "PUT /api/properties/{id}/monthly-rent", "monthly-rent",
            "POST /api/leases", "propose-lease");

    @Bean
    OpenAPI commandSideApi() {
        return new OpenAPI().info(new Info()
                .title("Alter8 command side")
                .version("v1")
                .description("Commands that change Alter8's state. Every success answers {id, version, position}; "
                        + "send position as X-Await-Position to the query side to read your write."));
    }

    @Bean
    OperationCustomizer commandConventions() {
        return (operation, handler) -> {
            ApiResponses responses = ApiDocs.responses(operation);
            if (isCommand(handler)) {
                ApiDocs.problem(operation, "409");
                if (!isAuthRoute(handler)) {
                    ApiDocs.headerParameter(operation, RequestContext.IDEMPOTENCY_KEY_HEADER,
                            "Any 1 to 255 visible ASCII characters: the same key with the same request by the same "
                                    + "user answers the first answer again and stores nothing new",
                            new StringSchema().minLength(1).maxLength(255), "register-property-1");
                    ApiDocs.problem(operation, "422");
                }
            }
            if (responses.containsKey("201")) {
                // A creation answers 201 only; springdoc adds the 200 of the return type beside it.
                responses.remove("200");
                ApiResponse created = responses.get("201");
                created.setContent(ApiDocs.json(ApiDocs.ref(CommandAccepted.class.getSimpleName())));
                ApiDocs.header(created, "Location", "Where the query side serves the new entity",
                               new StringSchema().format("uri"));
            }
            responses.forEach((status, response) -> {
                if (status.startsWith("2") && answersCommandAccepted(response)) {
                    ApiDocs.etag(response);
                    if (response.getDescription() == null || response.getDescription().equals("OK")) {
                        response.setDescription("Accepted: the entity's id, its version after the command and the "
                                + "position of its last event (send it as X-Await-Position to the query side)");
                    }
                }
            });
            return operation;
        };
    }

    private static boolean isCommand(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping != null && Arrays.stream(mapping.method()).anyMatch(m -> m != RequestMethod.GET);
    }

    /** Sign-up, login, refresh and codes take no part in idempotent replay ({@link IdempotencyFilter}). */
    private static boolean isAuthRoute(HandlerMethod handler) {
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        return type != null && Arrays.stream(type.path()).anyMatch(
                path -> (path + "/").startsWith(IdempotencyFilter.AUTH_ROUTES));
    }

    private static boolean answersCommandAccepted(ApiResponse response) {
        return response.getContent() != null && response.getContent().values().stream().anyMatch(
                media -> media.getSchema() != null && media.getSchema().get$ref() != null
                        && media.getSchema().get$ref().endsWith("/" + CommandAccepted.class.getSimpleName()));
    }

    /** Enums are taken as strings checked by {@link OneOf} (one field error each); the docs list their values. */
    @Bean
    @SuppressWarnings("unchecked")
    PropertyCustomizer wireEnumValues() {
        return (schema, type) -> {
            if (type.getCtxAnnotations() != null) {
                for (Annotation annotation : type.getCtxAnnotations()) {
                    if (annotation instanceof OneOf oneOf) {
                        ((Schema<String>) schema).setEnum(Arrays.stream(oneOf.value().getEnumConstants())
                                                                .map(WireEnum::wire).toList());
                    }
                }
            }
            return schema;
        };
    }

    @Bean
    OpenApiCustomizer requestExamples(JsonMapper json) {
        return api -> api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = EXAMPLES.get(method + " " + path);
            if (name != null && operation.getRequestBody() != null) {
                MediaType media = operation.getRequestBody().getContent().get(ApiDocs.JSON);
                if (media != null) {
                    media.setExamples(Map.of(name, new Example().value(example(json, name))));
                }
            }
        }));
    }

    private static Object example(JsonMapper json, String name) {
        try (InputStream in = new ClassPathResource("openapi-examples/" + name + ".json").getInputStream()) {
            return json.readValue(in, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
