package io.alter8.web.input;

import io.alter8.web.ApiException;
import io.alter8.web.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text of a request's route — query parameters (names and values) and path variables — checked by
 * {@link TextInput}'s rule before any controller sees it: 400 naming each bad parameter ({@code q}) or path variable,
 * all at once. Bodies are checked by {@link JsonBodyTextCheck}, the headers kept as data by {@link DataHeaderCheck}.
 */
public class RequestTextCheck implements HandlerInterceptor {

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
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        return true;
    }
}
