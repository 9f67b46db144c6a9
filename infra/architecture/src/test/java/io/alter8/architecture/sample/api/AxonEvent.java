package io.alter8.architecture.sample.api;

import org.axonframework.messaging.MetaData;

public record AxonEvent(MetaData metaData) {
}
