package io.alter8.command.property;

import io.alter8.api.common.PropertyId;

import java.util.Optional;

/** Who holds a listing slug now; the property aggregate asks before it picks or accepts one. */
interface SlugRegistry {

    Optional<PropertyId> holderOf(String slug);
}
