package io.alter8.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.List;

/** An answer other than success that a controller decides on; it becomes a problem+json body. */
public class ApiException extends RuntimeException {

    private final transient ProblemDetail problem;
    private final java.util.Map<String, String> headers;

    public ApiException(ProblemDetail problem) {
        this(problem, java.util.Map.of());
    }

    private ApiException(ProblemDetail problem, java.util.Map<String, String> headers) {
        super(problem.getDetail(), null, false, false);
        this.problem = problem;
        this.headers = headers;
    }

    public ProblemDetail problem() {
        return problem;
    }

    /** Headers the answer carries beside the problem ({@code Retry-After}). */
    public java.util.Map<String, String> headers() {
        return headers;
    }

    public ApiException withHeader(String name, String value) {
        java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiException(problem, java.util.Map.copyOf(more));
    }

    public static ApiException badInput(String field, String message) {
        return new ApiException(Problems.invalidInput(List.of(new FieldError(field, message))));
    }

    public static ApiException badInput(List<FieldError> errors) {
        return new ApiException(Problems.invalidInput(errors));
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                                            "no " + what + " with id " + id));
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(Problems.of(HttpStatus.PRECONDITION_FAILED, "version-mismatch",
                                            "Version mismatch", detail));
    }

    public static ApiException conflict(String slug, String title, String detail) {
        return new ApiException(Problems.of(HttpStatus.CONFLICT, slug, title, detail));
    }
}
