package io.alter8.command.web;

import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotFound;
import io.alter8.command.NotPermitted;
import io.alter8.command.PlanLimitReached;
import io.alter8.infra.privacy.PersonalDataErased;
import io.alter8.web.ApiException;
import io.alter8.web.Problems;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How the command side's refusals read over HTTP: 403 not allowed, 404 unknown, 409 refused or raced, 412 stale
 * version.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(CommandProblemAdvice.class);

    private final ApplicationEventPublisher events;

    CommandProblemAdvice(ApplicationEventPublisher events) {
        this.events = events;
    }

    @ExceptionHandler(DomainRuleViolation.class)
    ResponseEntity<ProblemDetail> refused(DomainRuleViolation e) {
        return answer(Problems.of(HttpStatus.CONFLICT, e.code(), "Refused", e.getMessage()));
    }

    @ExceptionHandler(NotPermitted.class)
    ResponseEntity<ProblemDetail> forbidden(NotPermitted e) {
        if (e instanceof PlanLimitReached limit) {
            ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "plan-limit", "Plan limit reached",
                                                limit.getMessage());
            problem.setProperty("feature", limit.feature());
            problem.setProperty("limit", limit.limit());
            problem.setProperty("usage", limit.usage());
            // The refused command stored nothing; this is how its account comes to hear of the limit.
            limit.hit().ifPresent(events::publishEvent);
            return answer(problem);
        }
        return answer(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage()));
    }

    /** The account's personal data was shredded: nothing of it can be read or written again. */
    @ExceptionHandler(PersonalDataErased.class)
    ResponseEntity<ProblemDetail> erased(PersonalDataErased e) {
        return answer(Problems.of(HttpStatus.GONE, "personal-data-erased", "Personal data erased",
                                  "the personal data of this account has been erased"));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                                  "nothing with id " + e.getAggregateIdentifier()));
    }

    /** A command to an id whose events are another kind of aggregate's: there is no such entity. */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ResponseEntity<ProblemDetail> otherKind(IncompatibleAggregateException e) {
        return answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "nothing of this kind with that id"));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> partNotFound(NotFound e) {
        return answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException e) {
        return answer(Problems.of(HttpStatus.PRECONDITION_FAILED, "version-mismatch", "Version mismatch",
                                  "expected version " + e.getExpectedVersion() + " but it is at "
                                          + e.getActualVersion() + "; read it again and retry"));
    }

    @ExceptionHandler({AggregateStreamCreationException.class, ConcurrencyException.class})
    ResponseEntity<ProblemDetail> raced(RuntimeException e) {
        return answer(Problems.of(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                                  "another change to the same entity was stored first; read it again and retry"));
    }

    /** Exceptions that crossed a distributed command bus arrive wrapped; their cause, when kept, decides. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> wrapped(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DomainRuleViolation v) {
            return refused(v);
        }
        if (cause instanceof NotPermitted np) {
            return forbidden(np);
        }
        if (cause instanceof ApiException api) {
            return answer(api.problem());
        }
        if (cause instanceof AggregateNotFoundException nf) {
            return notFound(nf);
        }
        if (cause instanceof IncompatibleAggregateException ia) {
            return otherKind(ia);
        }
        if (cause instanceof NotFound nf) {
            return partNotFound(nf);
        }
        if (cause instanceof ConflictingAggregateVersionException cv) {
            return staleVersion(cv);
        }
        if (cause instanceof ConcurrencyException ce) {
            return raced(ce);
        }
        log.error("Command failed", e);
        return answer(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                                  "the command failed; the error has been logged"));
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
