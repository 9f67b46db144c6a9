package io.alter8.architecture.sample.api;

import org.springframework.util.StringUtils;

public record SpringEvent(String title) {

    public SpringEvent {
        title = StringUtils.capitalize(title);
    }
}
