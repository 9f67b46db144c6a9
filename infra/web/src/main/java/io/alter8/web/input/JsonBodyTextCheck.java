package io.alter8.web.input;

import io.alter8.web.ApiException;
import io.alter8.web.FieldError;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Every JSON request body of both services is read once as a token stream before it is bound, and refused (400,
 * every bad field at once) when any string in it (a value at any depth, a list element, a map key) holds a control
 * character {@link TextInput} refuses. Done here, for all bodies, rather than on each request record: a record that
 * forgets the check would let in the one bad event that stalls a read model. Fields are named by their JSON path
 * ({@code specs.description}, {@code amenities[1].code}); a bad key is named with its control characters escaped.
 */
@ControllerAdvice
public class JsonBodyTextCheck extends RequestBodyAdviceAdapter {

    private final JsonMapper json;

    public JsonBodyTextCheck(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        if (!isJson(input.getHeaders().getContentType())) {
            return input;
        }
        byte[] body = input.getBody().readAllBytes();
        List<FieldError> errors = badStrings(body);
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    List<FieldError> badStrings(byte[] body) {
        List<FieldError> errors = new ArrayList<>();
        try (JsonParser parser = json.createParser(body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.PROPERTY_NAME && !TextInput.isClean(parser.currentName())) {
                    errors.add(new FieldError(path(parser.streamReadContext()), TextInput.KEY_MESSAGE));
                } else if (token == JsonToken.VALUE_STRING && !TextInput.isClean(parser.getString())) {
                    errors.add(new FieldError(path(parser.streamReadContext()), TextInput.MESSAGE));
                }
            }
        } catch (JacksonException malformed) {
            // Not JSON: binding reports it as a malformed body; what was found before the break still counts.
        }
        return errors;
    }

    /** {@code specs.description}, {@code amenities[1].code}; {@code body} for a bare string. */
    static String path(TokenStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                parts.push("." + TextInput.escaped(String.valueOf(c.currentName())));
            } else if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? "body" : path.startsWith(".") ? path.substring(1) : path;
    }

    private static boolean isJson(MediaType type) {
        return type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || type.getSubtype().endsWith("+json"));
    }
}
