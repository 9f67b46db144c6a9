package io.alter8.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

/** Builds the RFC 9457 bodies of docs/api.md: a stable {@code type} per kind of problem, never internals. */
public final class Problems {

    private static final String TYPE_BASE = "https://alter8.io/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        return problem;
    }

    /** The problem type of a plain HTTP status: {@code Bad Request} is {@code bad-request}. */
    public static String slug(String reasonPhrase) {
        return reasonPhrase.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    public static ProblemDetail invalidInput(List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                                   errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
        problem.setProperty("errors", errors.stream()
                                            .sorted(Comparator.comparing(FieldError::field)
                                                              .thenComparing(FieldError::message))
                                            .toList());
        return problem;
    }
}
