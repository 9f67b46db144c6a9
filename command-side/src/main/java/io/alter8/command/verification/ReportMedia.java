package io.alter8.command.verification;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;

import java.util.Set;

/**
 * What a verification asks of a property's media when its report names some: which media the property has. Answered
 * by the media feature from its aggregate, so a report never names a medium that does not exist.
 */
public interface ReportMedia {

    /** The ids of the property's media; empty when it has none. */
    Set<MediaId> of(PropertyId property);
}
