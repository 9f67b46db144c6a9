package io.alter8.query.processing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last batch each processor failed (the database gone, a dead letter that could not be written): a failure the
 * dead-letter queue did not absorb. The batch still fails as before (its segment is released and retried), but the
 * status can say why after the segment has dropped out of the processor's own status, and the retry runs each event
 * in a savepoint ({@link SavepointPerEvent}) so that a poison event among them can be parked.
 */
@Component
class ProcessorErrors implements ErrorHandler {

    private final Map<String, ProcessorStatus.LastError> last = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Override
    public void handleError(ErrorContext context) throws Exception {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(context.error());
        last.put(context.eventProcessor(),
                 new ProcessorStatus.LastError(String.valueOf(root.getMessage()), clock.instant()));
        // Propagate, as Axon's default does: the batch is rolled back and retried, never skipped.
        if (context.error() instanceof Exception e) {
            throw e;
        }
        throw (Error) context.error();
    }

    Optional<ProcessorStatus.LastError> last(String processor) {
        return Optional.ofNullable(last.get(processor));
    }

    boolean failedWithin(String processor, Duration period) {
        ProcessorStatus.LastError error = last.get(processor);
        return error != null && error.at().isAfter(clock.instant().minus(period));
    }

    ConfigurerModule asDefaultErrorHandler() {
        return configurer -> configurer.eventProcessing().registerDefaultErrorHandler(configuration -> this);
    }
}
