package io.alter8.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;

import java.util.Optional;

/**
 * Request bodies with a key twice are refused. Jackson would otherwise keep the last value silently, so a body
 * could say one thing to whatever checked it (a proxy, a log, a signature over the raw text) and another to us.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
public class DuplicateKeys {

    private static final String DUPLICATE = "Duplicate Object property";

    @Bean
    JsonMapperBuilderCustomizer strictDuplicateDetection() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /** The path of the repeated key ({@code terms.monthlyRent.amount}, {@code units[0].unitNumber}), if that is it. */
    static Optional<String> repeatedKey(Throwable cause) {
        if (!(cause instanceof StreamReadException read) || read.getOriginalMessage() == null
                || !read.getOriginalMessage().startsWith(DUPLICATE) || read.processor() == null) {
            return Optional.empty();
        }
        JsonParser parser = read.processor();
        StringBuilder path = new StringBuilder();
        for (String segment : parser.streamReadContext().pathAsPointer().toString().substring(1).split("/")) {
            if (segment.chars().allMatch(Character::isDigit) && !segment.isEmpty() && !path.isEmpty()) {
                path.append('[').append(segment).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        return Optional.of(path.toString());
    }
}
