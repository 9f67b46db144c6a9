package io.alter8.query.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the processing groups whose read models a controller serves, so that {@code X-Await-Position} waits for
 * those read models and no other. A route that reads several names them all on its method (which overrides the
 * controller's): it waits until every one has passed the position, and answers the lowest as its
 * {@code X-Read-Position}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadModel {

    String[] value();
}
