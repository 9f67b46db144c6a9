package io.alter8.query.web;

import io.alter8.query.processing.ProcessorPositions;
import io.alter8.web.ApiException;
import io.alter8.web.Problems;
import io.alter8.web.RateLimitInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes (docs/api.md): a query that sends {@code X-Await-Position: p} is answered once the read model it
 * asks has passed position p, waiting at most {@code alter8.await.timeout}; then 503 with Retry-After. Every answer
 * of a read model carries {@code X-Read-Position}, how far that read model had read when it answered.
 * <p>
 * A wait may hold a request thread for that long, so every request that asks for one counts against the caller's
 * rate limit {@code alter8.rate-limits.per-endpoint.await_position} besides its route's; a position beyond the
 * newest event in the store cannot be reached by waiting and is refused at once (400), not after the timeout.
 */
@Component
class AwaitPositionInterceptor implements HandlerInterceptor {

    static final String AWAIT_HEADER = "X-Await-Position";
    static final String READ_POSITION_HEADER = "X-Read-Position";
    private static final long POLL_NANOS = Duration.ofMillis(2).toNanos();

    static final String AWAIT_RATE_LIMIT = "await_position";

    private final ProcessorPositions positions;
    private final ObjectProvider<RateLimitInterceptor> rateLimits;
    private final Duration timeout;

    AwaitPositionInterceptor(ProcessorPositions positions,
                             ObjectProvider<RateLimitInterceptor> rateLimits,
                             @Value("${alter8.await.timeout:PT5S}") Duration timeout) {
        this.positions = positions;
        this.rateLimits = rateLimits;
        this.timeout = timeout;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        ReadModel readModel = method.getMethodAnnotation(ReadModel.class);
        if (readModel == null) {
            readModel = method.getBeanType().getAnnotation(ReadModel.class);
        }
        String header = request.getHeader(AWAIT_HEADER);
        Long wanted = header == null ? null : parse(header);
        if (wanted != null) {
            request.setAttribute(ReadPosition.AWAITED, wanted);
        }
        String[] processors = readModel == null ? null : readModel.value();
        if (wanted != null) {
            rateLimits.ifAvailable(limits -> limits.charge(request, response, AWAIT_RATE_LIMIT));
            if (!reached(processors, wanted)) {
                refuseBeyondHead(wanted);
            }
        }
        if (readModel == null) {
            if (wanted != null) {
                await(null, wanted);
            }
            return true;
        }
        long reached = wanted == null ? current(processors).orElse(-1) : await(processors, wanted);
        response.setHeader(READ_POSITION_HEADER, Long.toString(reached));
        return true;
    }

    private long await(String[] processors, long wanted) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean hurried = false;
        while (true) {
            OptionalLong reached = current(processors);
            if (reached.isPresent() && reached.getAsLong() >= wanted) {
                return reached.getAsLong();
            }
            if (!hurried) {
                // A processor that handles none of the events up to the position passes them when woken.
                positions.hurry();
                hurried = true;
            }
            if (System.nanoTime() - deadline >= 0) {
                ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "position-not-reached",
                        "Not up to date yet", "the read model has not reached position " + wanted + " (it is at "
                                + reached.orElse(-1) + "); retry shortly");
                throw new ApiException(problem).withHeader(HttpHeaders.RETRY_AFTER, "1");
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for position " + wanted);
            }
        }
    }

    private boolean reached(String[] processors, long wanted) {
        OptionalLong reached = current(processors);
        return reached.isPresent() && reached.getAsLong() >= wanted;
    }

    /** No event has that position yet: waiting cannot bring it, and positions come from answers of stored events. */
    private void refuseBeyondHead(long wanted) {
        long headPosition = positions.head();
        if (wanted > headPosition) {
            throw ApiException.badInput(AWAIT_HEADER, "is beyond the newest event (position " + headPosition
                    + "); send a position a command answered");
        }
    }

    private OptionalLong current(String[] processors) {
        return processors == null ? positions.lowestPosition() : positions.lowestPosition(List.of(processors));
    }

    private static long parse(String header) {
        try {
            long position = Long.parseLong(header.strip());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badInput(AWAIT_HEADER, "must be a position: a whole number, 0 or more");
    }
}
