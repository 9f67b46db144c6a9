package io.alter8.infra.stack;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What both services' OpenAPI documents must be for a client generator and Swagger UI: valid (swagger-parser, plus
 * the checks of spectral's {@code oas} ruleset the parser does not make), secured by a bearer JWT except on public
 * routes, every error a problem+json body, and equal to the copy committed under {@code api/}, from which the Java
 * client is generated.
 */
public final class ApiContract {

    /** {@code -Dalter8.api.write=true} rewrites the committed specs from the running services instead of comparing. */
    public static final String WRITE_PROPERTY = "alter8.api.write";
    public static final String BEARER_SCHEME = "bearerAuth";
    public static final String PROBLEM_REF = "#/components/schemas/Problem";

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
                                                      "trace");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}/]+)}");
    private static final JsonMapper JSON = JsonMapper.builder()
                                                     .enable(SerializationFeature.INDENT_OUTPUT)
                                                     .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
                                                     .build();

    private ApiContract() {
    }

    /** One operation of a spec: its method (upper case), path template and body. */
    public record Operation(String method, String path, JsonNode node) {

        @Override
        public String toString() {
            return method + " " + path;
        }

        public boolean isPublic() {
            JsonNode security = node.path("security");
            return security.isArray() && security.isEmpty();
        }

        public JsonNode response(String status) {
            return node.path("responses").path(status);
        }

        public boolean hasHeaderParameter(String name) {
            return node.path("parameters").valueStream()
                       .anyMatch(p -> "header".equals(p.path("in").asString())
                               && name.equalsIgnoreCase(p.path("name").asString()));
        }
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    public static List<Operation> operations(JsonNode spec) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (METHODS.contains(method.getKey())) {
                    operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()));
                }
            }
        }
        return operations;
    }

    /**
     * Everything wrong with a spec, one line each; empty when it is valid and keeps the house rules.
     * {@code isPublicPath} tells the routes open without a token (the service's own list).
     */
    public static List<String> problems(String json, Predicate<String> isPublicPath) {
        List<String> problems = new ArrayList<>(parserMessages(json));
        JsonNode spec = parse(json);
        problems.addAll(lintProblems(spec));
        problems.addAll(houseProblems(spec, isPublicPath));
        return problems;
    }

    /** What swagger-parser, a standard OpenAPI validator, reports. */
    static List<String> parserMessages(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        List<String> messages = new ArrayList<>();
        if (result.getOpenAPI() == null) {
            messages.add("not an OpenAPI document");
        }
        if (result.getMessages() != null) {
            result.getMessages().forEach(m -> messages.add("parser: " + m));
        }
        return messages;
    }

    /** Spectral {@code oas} errors the parser lets through. */
    static List<String> lintProblems(JsonNode spec) {
        List<String> problems = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        for (Operation operation : operations(spec)) {
            String id = operation.node().path("operationId").asString("");
            if (id.isEmpty()) {
                problems.add(operation + ": no operationId");
            } else if (!operationIds.add(id)) {
                problems.add(operation + ": operationId " + id + " is used twice");
            }
            Set<String> declared = new TreeSet<>();
            for (JsonNode parameter : operation.node().path("parameters")) {
                String name = parameter.path("name").asString();
                if (!parameter.has("schema") && !parameter.has("content")) {
                    problems.add(operation + ": parameter " + name + " has no schema");
                }
                if ("path".equals(parameter.path("in").asString())) {
                    declared.add(name);
                }
            }
            Set<String> inTemplate = new TreeSet<>();
            Matcher variables = TEMPLATE_VARIABLE.matcher(operation.path());
            while (variables.find()) {
                inTemplate.add(variables.group(1));
            }
            if (!declared.equals(inTemplate)) {
                problems.add(operation + ": path parameters " + declared + " do not match the template " + inTemplate);
            }
            if (operation.node().path("responses").isEmpty()) {
                problems.add(operation + ": no responses");
            }
        }
        collectContentTypes(spec, "", problems);
        collectRefs(spec, spec, "", problems);
        collectExamples(spec, spec, "", problems);
        return problems;
    }

    /** The rules Alter8's clients rely on (security, problem bodies, headers of the conventions). */
    static List<String> houseProblems(JsonNode spec, Predicate<String> isPublicPath) {
        List<String> problems = new ArrayList<>();
        JsonNode bearer = spec.path("components").path("securitySchemes").path(BEARER_SCHEME);
        if (!"http".equals(bearer.path("type").asString()) || !"bearer".equals(bearer.path("scheme").asString())
                || !"JWT".equals(bearer.path("bearerFormat").asString())) {
            problems.add("no http bearer JWT security scheme named " + BEARER_SCHEME);
        }
        if (spec.path("paths").has("/error")) {
            problems.add("/error is published");
        }
        if (!spec.path("components").path("schemas").path("Problem").has("example")) {
            problems.add("the Problem schema has no example");
        }
        for (Operation operation : operations(spec)) {
            boolean open = isPublicPath.test(operation.path());
            JsonNode security = operation.node().path("security");
            if (open && !operation.isPublic()) {
                problems.add(operation + ": public, but does not declare security: []");
            }
            if (!open && security.valueStream().noneMatch(s -> s.has(BEARER_SCHEME))) {
                problems.add(operation + ": needs a token, but does not declare " + BEARER_SCHEME);
            }
            if (!open && (operation.response("401").isMissingNode() || operation.response("403").isMissingNode())) {
                problems.add(operation + ": needs a token, but does not document 401 and 403");
            }
            if (operation.hasHeaderParameter("If-Match") && operation.response("412").isMissingNode()) {
                problems.add(operation + ": takes If-Match, but does not document 412");
            }
            if (!operation.response("201").isMissingNode()
                    && !operation.response("201").path("headers").has("Location")) {
                problems.add(operation + ": 201 without Location");
            }
            boolean succeeds = false;
            for (Map.Entry<String, JsonNode> response : operation.node().path("responses").properties()) {
                String status = response.getKey();
                succeeds |= status.startsWith("2");
                if (status.startsWith("4") || status.startsWith("5")) {
                    JsonNode content = response.getValue().path("content");
                    JsonNode schema = content.path("application/problem+json").path("schema");
                    if (content.size() != 1 || !PROBLEM_REF.equals(schema.path("$ref").asString())) {
                        problems.add(operation + ": " + status + " is not a problem+json Problem");
                    }
                }
            }
            if (!succeeds) {
                problems.add(operation + ": no success response");
            }
        }
        return problems;
    }

    /** Spectral refuses the wildcard media type springdoc writes when a route declares none. */
    private static void collectContentTypes(JsonNode node, String where, List<String> problems) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("content") && field.getValue().isObject()
                        && field.getValue().has("*/*")) {
                    problems.add(where + ": content type */*");
                }
                collectContentTypes(field.getValue(), where + "/" + field.getKey(), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectContentTypes(node.get(i), where + "/" + i, problems);
            }
        }
    }

    /** Spectral's valid-example rules: every example fits its schema (types, enums, required properties). */
    private static void collectExamples(JsonNode spec, JsonNode node, String where, List<String> problems) {
        if (node.isObject()) {
            if (node.has("example")) {
                JsonNode schema = node.has("schema") ? node.get("schema") : node;
                exampleProblems(spec, schema, node.get("example"), where + "/example", problems);
            }
            if (node.has("schema") && node.path("examples").isObject()) {
                for (Map.Entry<String, JsonNode> example : node.get("examples").properties()) {
                    exampleProblems(spec, node.get("schema"), example.getValue().path("value"),
                                    where + "/examples/" + example.getKey(), problems);
                }
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!field.getKey().equals("example") && !field.getKey().equals("examples")) {
                    collectExamples(spec, field.getValue(), where + "/" + field.getKey(), problems);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectExamples(spec, node.get(i), where + "/" + i, problems);
            }
        }
    }

    private static void exampleProblems(JsonNode spec, JsonNode schema, JsonNode example, String where,
                                        List<String> problems) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/")) {
            schema = spec.at(ref.substring(1));
        }
        String type = schema.path("type").asString("");
        boolean fits = switch (type) {
            case "string" -> example.isString();
            case "integer" -> example.isIntegralNumber();
            case "number" -> example.isNumber();
            case "boolean" -> example.isBoolean();
            case "array" -> example.isArray();
            case "object" -> example.isObject();
            default -> true;
        };
        if (!fits) {
            problems.add(where + ": example " + abbreviate(example) + " is not of type " + type);
            return;
        }
        if (schema.path("enum").isArray() && !example.isNull()
                && schema.get("enum").valueStream().noneMatch(example::equals)) {
            problems.add(where + ": example " + abbreviate(example) + " is none of " + schema.get("enum"));
        }
        if (example.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!example.has(required.asString())) {
                    problems.add(where + ": example lacks the required " + required.asString());
                }
            }
            for (Map.Entry<String, JsonNode> field : example.properties()) {
                JsonNode property = schema.path("properties").path(field.getKey());
                if (property.isMissingNode() && schema.has("properties")) {
                    problems.add(where + ": example has " + field.getKey() + ", which the schema does not know");
                } else if (!property.isMissingNode()) {
                    exampleProblems(spec, property, field.getValue(), where + "/" + field.getKey(), problems);
                }
            }
        }
        if (example.isArray() && schema.has("items")) {
            for (int i = 0; i < example.size(); i++) {
                exampleProblems(spec, schema.get("items"), example.get(i), where + "/" + i, problems);
            }
        }
    }

    private static void collectRefs(JsonNode spec, JsonNode node, String where, List<String> problems) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isString()) {
                String target = ref.asString();
                if (!target.startsWith("#/") || spec.at(target.substring(1)).isMissingNode()) {
                    problems.add(where + ": $ref " + target + " leads nowhere");
                }
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collectRefs(spec, field.getValue(), where + "/" + field.getKey(), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectRefs(spec, node.get(i), where + "/" + i, problems);
            }
        }
    }

    /**
     * Compares the live spec with the committed one (servers aside: they name the port of the moment), or rewrites
     * the committed one when {@value #WRITE_PROPERTY} is true.
     */
    public static void assertMatchesCommitted(String liveJson, Path committed) {
        ObjectNode live = (ObjectNode) parse(liveJson);
        live.remove("servers");
        try {
            if (Boolean.getBoolean(WRITE_PROPERTY)) {
                Files.createDirectories(committed.toAbsolutePath().getParent());
                Files.writeString(committed, JSON.writeValueAsString(live) + "\n", StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(committed)) {
                throw new AssertionError(committed + " is missing; " + howToRewrite());
            }
            JsonNode stored = parse(Files.readString(committed, StandardCharsets.UTF_8));
            if (!stored.equals(live)) {
                throw new AssertionError(committed + " differs from the service's live OpenAPI ("
                        + firstDifference(stored, live, "") + "); " + howToRewrite());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String howToRewrite() {
        return "if the change is meant, rewrite both with: ./mvnw -B -pl command-side,query-side -am test "
                + "-Dtest=ApiContractTest -Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE_PROPERTY + "=true";
    }

    /** Where two trees part, to make a drift readable. */
    private static String firstDifference(JsonNode stored, JsonNode live, String at) {
        if (stored.isObject() && live.isObject()) {
            Set<String> names = new TreeSet<>(stored.propertyNames());
            names.addAll(live.propertyNames());
            for (String name : names) {
                if (!stored.path(name).equals(live.path(name))) {
                    return firstDifference(stored.path(name), live.path(name), at + "/" + name);
                }
            }
        }
        if (stored.isArray() && live.isArray() && stored.size() == live.size()) {
            for (int i = 0; i < stored.size(); i++) {
                if (!stored.get(i).equals(live.get(i))) {
                    return firstDifference(stored.get(i), live.get(i), at + "/" + i);
                }
            }
        }
        return "at " + (at.isEmpty() ? "/" : at) + " committed " + abbreviate(stored) + ", live " + abbreviate(live);
    }

    private static String abbreviate(JsonNode node) {
        String text = node.isMissingNode() ? "nothing" : node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
