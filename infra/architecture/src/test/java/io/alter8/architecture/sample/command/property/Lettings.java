package io.alter8.architecture.sample.command.property;

/** A port: the public API of the sample property feature. */
public interface Lettings {

    boolean isLet(String unit);
}
