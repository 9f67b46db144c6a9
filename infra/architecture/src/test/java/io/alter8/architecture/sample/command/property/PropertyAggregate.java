package io.alter8.architecture.sample.command.property;

import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
public class PropertyAggregate {

    public boolean isLet(String unit) {
        return false;
    }
}
