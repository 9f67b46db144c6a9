package io.alter8.web.apidocs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import java.util.Map;

/**
 * The pieces of the HTTP conventions both services' API docs are made of: header names, the problem schema, and
 * helpers to add a response or a header once. Services describe their own conventions with these (the command
 * side its creations and Idempotency-Key, the query side X-Await-Position); {@link ApiDocsConventions} applies the
 * rules common to both.
 */
public final class ApiDocs {

    public static final String BEARER_SCHEME = "bearerAuth";
    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String PROBLEM_FIELD_SCHEMA = "ProblemFieldError";
    public static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    public static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

    /** Why each status is answered, as the conventions define it; a route may say more in its own description. */
    static final Map<String, String> STATUS_MEANINGS = Map.ofEntries(
            Map.entry("400", "Malformed or invalid input; errors lists every bad field at once"),
            Map.entry("401", "No access token, or not a valid one"),
            Map.entry("403", "Authenticated, but not allowed: the role, or not the owner of the thing"),
            Map.entry("404", "Unknown id, or nothing the caller may see"),
            Map.entry("409", "The domain refuses in the current state, a concurrent change was stored first, or a "
                    + "request with the same Idempotency-Key is still running"),
            Map.entry("412", "If-Match names a version the entity is no longer at"),
            Map.entry("422", "The Idempotency-Key was used before with another request"),
            Map.entry("429", "Too many calls to this endpoint; retry after Retry-After seconds"),
            Map.entry("503", "Not ready; retry after Retry-After seconds"));

    private ApiDocs() {
    }

    public static Schema<?> ref(String schema) {
        return new Schema<>().$ref("#/components/schemas/" + schema);
    }

    public static Content json(Schema<?> schema) {
        return new Content().addMediaType(JSON, new MediaType().schema(schema));
    }

    /** Adds a problem+json answer with this status unless the route documents it already. */
    public static void problem(Operation operation, String status) {
        problem(operation, status, STATUS_MEANINGS.getOrDefault(status, "Refused"));
    }

    public static void problem(Operation operation, String status, String description) {
        ApiResponses responses = responses(operation);
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description));
        }
    }

    public static ApiResponses responses(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        return operation.getResponses();
    }

    /** Adds a header parameter once (a controller's own {@code @RequestHeader} of the same name stays). */
    public static void headerParameter(Operation operation, String name, String description, Schema<?> schema,
                                       Object example) {
        boolean present = operation.getParameters() != null && operation.getParameters().stream().anyMatch(
                p -> "header".equals(p.getIn()) && name.equalsIgnoreCase(p.getName()));
        if (!present) {
            operation.addParametersItem(new HeaderParameter().name(name).required(false));
        }
        for (Parameter parameter : operation.getParameters()) {
            if ("header".equals(parameter.getIn()) && name.equalsIgnoreCase(parameter.getName())) {
                parameter.description(description).schema(schema).example(example);
            }
        }
    }

    public static void header(ApiResponse response, String name, String description, Schema<?> schema) {
        response.addHeaderObject(name, new Header().description(description).schema(schema));
    }

    public static Header retryAfter() {
        return new Header().description("Seconds to wait before retrying").schema(new IntegerSchema().minimum(
                java.math.BigDecimal.ONE));
    }

    public static Schema<?> etagSchema() {
        return new StringSchema().example("\"3\"");
    }

    public static void etag(ApiResponse response) {
        header(response, "ETag", "The entity's version, quoted: send it as If-Match to change only that version",
               etagSchema());
    }
}
