package io.alter8.web.apidocs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.ResolvableType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rules of the HTTP conventions that hold for every route of both services, applied to the API docs once
 * instead of on each controller: bearer JWT security (none on the service's public paths), the problem+json body
 * of every error, the refusals every route of a kind can answer (401/403 with a token, 400 with input, 404 with
 * an id in the path, 412 with If-Match, 429 everywhere under /api), JSON instead of the wildcard media type, and
 * 204 for routes that answer no body.
 */
class ApiDocsConventions implements GlobalOpenApiCustomizer, GlobalOperationCustomizer {

    private static final String HANDLER_EXTENSION = "x-alter8-handler";

    private static final Schema<?> PROBLEM = problemSchema();

    private final List<PathPattern> publicPaths;

    ApiDocsConventions(List<String> publicPaths) {
        this.publicPaths = publicPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    /**
     * Routes that answer no body say so: 204, not a 200 with an empty schema. The operation id is the method's name;
     * springdoc would number a second handler of the same name in the order it finds controllers, which changes
     * the generated client's method names from one start to the next, so {@link #customise} qualifies those.
     */
    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        operation.setOperationId(handler.getMethod().getName());
        operation.addExtension(HANDLER_EXTENSION, handler.getBeanType().getSimpleName());
        ResolvableType returned = ResolvableType.forMethodReturnType(handler.getMethod());
        boolean noBody = ResponseEntity.class.equals(returned.resolve())
                && Void.class.equals(returned.getGeneric(0).resolve());
        ApiResponses responses = ApiDocs.responses(operation);
        if (noBody && responses.containsKey("200")) {
            responses.remove("200");
            responses.addApiResponse("204", new ApiResponse().description("Done; no body"));
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSecuritySchemes(ApiDocs.BEARER_SCHEME, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("The access token from POST /api/auth/login (15 minutes)"));
        components.addSchemas(ApiDocs.PROBLEM_FIELD_SCHEMA, fieldErrorSchema());
        components.addSchemas(ApiDocs.PROBLEM_SCHEMA, PROBLEM);
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> operations(item).forEach(op -> apply(path, op)));
            qualifyRepeatedOperationIds(api);
        }
        if (api.getTags() != null) {
            // Controllers are found in no fixed order: sorted, the document is the same on every start.
            List<Tag> tags = new ArrayList<>(api.getTags());
            tags.sort(Comparator.comparing(Tag::getName));
            api.setTags(tags);
        }
    }

    private void apply(String path, Operation operation) {
        boolean open = publicPaths.stream().anyMatch(p -> p.matches(PathContainer.parsePath(path)));
        operation.setSecurity(open ? new ArrayList<>()
                                   : List.of(new SecurityRequirement().addList(ApiDocs.BEARER_SCHEME)));
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (!parameters.isEmpty() || operation.getRequestBody() != null) {
            ApiDocs.problem(operation, "400");
        }
        if (!open) {
            ApiDocs.problem(operation, "401");
            ApiDocs.problem(operation, "403");
        }
        if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
            ApiDocs.problem(operation, "404");
        }
        parameters.stream().filter(p -> "header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName()))
                  .findFirst().ifPresent(ifMatch -> {
                      ifMatch.description("The version last read (its ETag): the change is applied only if the "
                                                  + "entity is still at it, else 412")
                             .example("\"3\"");
                      ApiDocs.problem(operation, "412");
                  });
        if (path.startsWith("/api/")) {
            ApiDocs.problem(operation, "429");
            operation.getResponses().get("429").addHeaderObject("Retry-After", ApiDocs.retryAfter());
        }
        if (operation.getRequestBody() != null) {
            operation.getRequestBody().setContent(withoutWildcard(operation.getRequestBody().getContent()));
        }
        Map<String, ApiResponse> sorted = new TreeMap<>(operation.getResponses());
        ApiResponses responses = new ApiResponses();
        sorted.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.setDescription(ApiDocs.STATUS_MEANINGS.getOrDefault(status, "Refused"));
                }
                response.setContent(new Content().addMediaType(ApiDocs.PROBLEM_JSON, new MediaType()
                        .schema(ApiDocs.ref(ApiDocs.PROBLEM_SCHEMA))));
            } else {
                response.setContent(withoutWildcard(response.getContent()));
            }
            responses.addApiResponse(status, response);
        });
        operation.setResponses(responses);
    }

    /** A route that declares no media type is documented as {@code *}/{@code *}; it answers and takes JSON. */
    private static Content withoutWildcard(Content content) {
        if (content == null || !content.containsKey("*/*")) {
            return content;
        }
        Content fixed = new Content();
        content.forEach((type, media) -> fixed.addMediaType("*/*".equals(type) ? ApiDocs.JSON : type, media));
        return fixed;
    }

    /** {@code register} of AuthController and of PropertyController: {@code authRegister}, {@code propertyRegister}. */
    private static void qualifyRepeatedOperationIds(OpenAPI api) {
        List<Operation> all = api.getPaths().values().stream().flatMap(item -> operations(item).stream()).toList();
        Map<String, Long> uses = all.stream().collect(Collectors.groupingBy(Operation::getOperationId,
                                                                            Collectors.counting()));
        for (Operation operation : all) {
            Object handler = operation.getExtensions() == null ? null
                                                               : operation.getExtensions().remove(HANDLER_EXTENSION);
            if (operation.getExtensions() != null && operation.getExtensions().isEmpty()) {
                operation.setExtensions(null);
            }
            String id = operation.getOperationId();
            if (handler != null && uses.get(id) > 1) {
                String owner = handler.toString().replaceAll("(Query)?Controller$", "");
                operation.setOperationId(Character.toLowerCase(owner.charAt(0)) + owner.substring(1)
                                                 + Character.toUpperCase(id.charAt(0)) + id.substring(1));
            }
        }
    }

    private static List<Operation> operations(PathItem item) {
        List<Operation> operations = new ArrayList<>();
        for (Operation operation : new Operation[]{item.getGet(), item.getPut(), item.getPost(), item.getDelete(),
                                                   item.getPatch(), item.getHead(), item.getOptions(),
                                                   item.getTrace()}) {
            if (operation != null) {
                operations.add(operation);
            }
        }
        return operations;
    }

    private static Schema<?> fieldErrorSchema() {
        return new ObjectSchema()
                .description("One bad input field")
                .addProperty("field", new StringSchema().description("Its JSON path").example("monthlyRent.amount"))
                .addProperty("message", new StringSchema().example("must be greater than 0"))
                .required(List.of("field", "message"));
    }

    /** RFC 9457, as Problems writes it: errors only on 400 for bad input. */
    private static Schema<?> problemSchema() {
        JsonNode example;
        try {
            example = Json.mapper().readTree("""
                {"type": "https://alter8.io/problems/invalid-input", "title": "Invalid input", "status": 400,
                 "detail": "2 fields are invalid",
                 "errors": [{"field": "monthlyRent.amount", "message": "must be greater than 0"},
                            {"field": "title", "message": "must not be blank"}]}""");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new Schema<>().type("object")
                .description("An error (RFC 9457 problem details); no stack traces, SQL or class names")
                .addProperty("type", new StringSchema().format("uri")
                        .description("Stable per kind of problem").example("https://alter8.io/problems/not-found"))
                .addProperty("title", new StringSchema().example("Not found"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema().example("nothing with id 6f1c…"))
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().items(ApiDocs.ref(ApiDocs.PROBLEM_FIELD_SCHEMA))
                        .description("Every bad field, for invalid input"))
                .required(List.of("type", "title", "status"))
                .example(example);
    }
}
