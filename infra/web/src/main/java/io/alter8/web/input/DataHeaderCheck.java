package io.alter8.web.input;

import io.alter8.web.FieldError;
import io.alter8.web.Problems;
import io.alter8.web.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The headers the services keep as data — the user agent stored with a session, the idempotency key stored with an
 * answer — checked by {@link TextInput}'s rule before any filter reads them: 400 naming each bad header. A filter,
 * not an interceptor, because the idempotency filter reads its key before any interceptor runs (and Spring
 * Security's firewall would refuse the read without saying which header). Tomcat itself refuses ASCII control
 * characters in headers; what reaches here are the C1 controls (bytes 0x80-0x9F read as ISO-8859-1).
 */
public class DataHeaderCheck extends OncePerRequestFilter {

    static final List<String> DATA_HEADERS = List.of(HttpHeaders.USER_AGENT, RequestContext.IDEMPOTENCY_KEY_HEADER);

    private final JsonMapper json;

    public DataHeaderCheck(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<FieldError> errors = new ArrayList<>();
        for (String header : DATA_HEADERS) {
            String value = request.getHeader(header);
            if (value != null && !TextInput.isClean(value)) {
                errors.add(new FieldError(header, TextInput.MESSAGE));
            }
        }
        if (errors.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(Problems.invalidInput(errors)));
    }
}
