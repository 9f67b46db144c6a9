package io.alter8.web;

import io.alter8.web.security.ApiSecurityConfiguration;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns every failure into problem+json (docs/api.md): all bad fields at once, and never a stack trace, SQL or
 * class name in the body. Services add advice of their own for their domain exceptions; this one runs last.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handleApi(ApiException e) {
        ProblemDetail problem = e.problem();
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus());
        e.headers().forEach(answer::header);
        return answer.body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                                   .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                                   .toList();
        return ResponseEntity.badRequest().body(Problems.invalidInput(errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest()
                             .body(Problems.invalidInput(List.of(new FieldError(e.getName(), "has an invalid value"))));
    }

    /** Method security refusals (e.g. {@code @PreAuthorize} on a controller): the caller may not. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiSecurityConfiguration.forbidden());
    }

    /** Spring Security's firewall refusing a header or parameter when it is read: bad input, not a server error. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> handleRejected(RequestRejectedException e) {
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                                                            "Malformed request",
                                                            "a header or parameter holds characters not allowed"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> handleUnauthenticated(AuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                             .header("WWW-Authenticate", "Bearer")
                             .body(ApiSecurityConfiguration.unauthenticated());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        log.error("Unhandled error", e);
        return ResponseEntity.internalServerError()
                             .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                                               "the request failed; the error has been logged"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors()
         .forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors()
         .forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        return ResponseEntity.badRequest().body(Problems.invalidInput(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(err -> errors.add(new FieldError(name, err.getDefaultMessage())));
        });
        return ResponseEntity.badRequest().body(Problems.invalidInput(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        BodyLimitFilter.BodyTooLarge tooLarge = BodyLimitFilter.find(e);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(BodyLimitFilter.tooLarge(tooLarge.limit));
        }
        Throwable cause = e.getMostSpecificCause();
        Optional<String> repeated = DuplicateKeys.repeatedKey(cause);
        if (repeated.isPresent()) {
            return ResponseEntity.badRequest().body(Problems.invalidInput(
                    List.of(new FieldError(repeated.get(), "appears more than once"))));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return ResponseEntity.badRequest().body(Problems.invalidInput(
                    List.of(new FieldError(path(mismatch.getPath()), "has an invalid value or type"))));
        }
        String detail = cause instanceof JacksonException ? "the body is not well-formed JSON"
                                                          : "the body is missing or unreadable";
        return ResponseEntity.badRequest()
                             .body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed body", detail));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        // Spring's own problems (404 route, 405, 415 …) keep their status but get our type and no internals.
        // Spring 7 may leave the type unset (null) where it used to say about:blank.
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || problem.getType().toString().equals("about:blank"))) {
            HttpStatus known = HttpStatus.resolve(status.value());
            String reason = known == null ? "Error" : known.getReasonPhrase();
            problem.setType(java.net.URI.create("https://alter8.io/problems/" + Problems.slug(reason)));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static String path(List<JacksonException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : refs) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
