package io.alter8.web.input;

import io.alter8.web.ApiException;
import io.alter8.web.FieldError;
import io.alter8.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text of a request outside its body — query parameters (names and values), path variables and the headers the
 * services keep as data — checked by {@link TextInput}'s rule before any controller sees it: 400 naming each bad
 * parameter ({@code q}), path variable or header, all at once. Bodies are checked by {@link JsonBodyTextCheck}.
 */
public class RequestTextCheck implements HandlerInterceptor {

    /** Headers stored or shown as given (sessions keep the user agent); others are parsed or replaced if odd. */
    static final List<String> DATA_HEADERS = List.of(HttpHeaders.USER_AGENT, RequestContext.IDEMPOTENCY_KEY_HEADER);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RequestRejectedException e) {
            // Spring Security's firewall refuses control characters in parameter names itself, on reading them.
            parameters = Map.of();
            errors.add(new FieldError("parameters", "a parameter name " + TextInput.MESSAGE));
        }
        parameters.forEach((name, values) -> {
            boolean bad = !TextInput.isClean(name);
            for (String value : values) {
                bad |= value != null && !TextInput.isClean(value);
            }
            if (bad) {
                errors.add(new FieldError(TextInput.escaped(name), TextInput.MESSAGE));
            }
        });
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> {
                if (value != null && !TextInput.isClean(value.toString())) {
                    errors.add(new FieldError(name.toString(), TextInput.MESSAGE));
                }
            });
        }
        for (String header : DATA_HEADERS) {
            boolean clean;
            try {
                String value = request.getHeader(header);
                clean = value == null || TextInput.isClean(value);
            } catch (RequestRejectedException e) {
                // The firewall refuses some control characters in header values when they are read; same answer.
                clean = false;
            }
            if (!clean) {
                errors.add(new FieldError(header, TextInput.MESSAGE));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        return true;
    }
}
