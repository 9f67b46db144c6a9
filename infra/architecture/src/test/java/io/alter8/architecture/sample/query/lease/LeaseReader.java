package io.alter8.architecture.sample.query.lease;

import io.alter8.architecture.sample.command.property.Lettings;

class LeaseReader {

    boolean occupied(Lettings lettings, String unit) {
        return lettings.isLet(unit);
    }
}
