package io.alter8.command.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.PropertyMediaId;
import io.alter8.command.AggregateQuestions;
import io.alter8.command.verification.ReportMedia;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Set;

/** A verification report's question to the property's media, answered from their aggregate in the caller's unit of work. */
@Component
class PropertyReportMedia implements ReportMedia {

    private final Repository<PropertyMedia> media;

    PropertyReportMedia(Repository<PropertyMedia> media) {
        this.media = media;
    }

    @Override
    public Set<MediaId> of(PropertyId property) {
        return AggregateQuestions.ask(media, PropertyMediaId.of(property), PropertyMedia::mediaIds).orElse(Set.of());
    }
}
