package io.alter8.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller (no route, a failure in a filter, the container's own) are answered by the
 * servlet container's error page; this makes that page problem+json too, replacing Boot's whitelabel JSON.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping(value = "${server.error.path:/error}", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                                                     MediaType.APPLICATION_JSON_VALUE, "*/*"})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null
                ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = switch (status) {
            case NOT_FOUND -> "no such resource: " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            case INTERNAL_SERVER_ERROR -> "the request failed; the error has been logged";
            default -> status.getReasonPhrase();
        };
        ProblemDetail problem = Problems.of(status, Problems.slug(status.getReasonPhrase()), status.getReasonPhrase(),
                                            detail);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
