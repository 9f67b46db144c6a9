package io.alter8.command.audit;

import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The aggregate types the history speaks of, taken from Axon's configuration so that an aggregate added later is
 * covered without a change here. In a URL a type is spelled in kebab case ({@code user-account}); the store keeps
 * Axon's name, the class's simple name ({@code UserAccount}).
 */
@Component
class AggregateTypes {

    record AggregateType(String urlName, String storedName, Class<?> type) {
    }

    private final Configuration axon;
    private volatile Map<String, AggregateType> byUrlName;

    AggregateTypes(Configuration axon) {
        this.axon = axon;
    }

    Optional<AggregateType> byUrlName(String urlName) {
        return Optional.ofNullable(all().get(urlName));
    }

    Map<String, AggregateType> all() {
        Map<String, AggregateType> known = byUrlName;
        if (known == null) {
            known = new TreeMap<>();
            for (AggregateConfiguration<?> aggregate : axon.findModules(AggregateConfiguration.class)) {
                Class<?> type = aggregate.aggregateType();
                known.put(urlName(type.getSimpleName()), new AggregateType(urlName(type.getSimpleName()),
                                                                           type.getSimpleName(), type));
            }
            byUrlName = known;
        }
        return known;
    }

    /**
     * {@code UserAccount} → {@code user-account}; null for an event no aggregate applied (a process's or a job's, such
     * as {@code NotificationIssued}), which the store keeps without a type.
     */
    static String urlName(String storedName) {
        if (storedName == null) {
            return null;
        }
        return storedName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
