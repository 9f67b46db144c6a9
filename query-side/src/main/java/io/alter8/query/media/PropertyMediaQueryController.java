package io.alter8.query.media;

import io.alter8.api.media.MediaView;
import io.alter8.query.property.PropertyAccess;
import io.alter8.query.property.PropertyVisibility;
import io.alter8.query.web.ReadModel;
import io.alter8.web.ApiException;
import io.alter8.web.ETags;
import io.alter8.web.security.AccessRules;
import io.alter8.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * A property's media over HTTP (the bytes are downloaded from the command side, which holds them): whoever may see
 * the property sees the media its visibility gives them; a property they may not see, or a medium they may not,
 * is unknown (404).
 */
@RestController
@ReadModel(PropertyMediaProjector.PROCESSING_GROUP)
@Tag(name = "Property media", description = "The property media view: photos, videos, 360 tours, floor plans")
class PropertyMediaQueryController {

    static final String[] ROLES = {"owner", "tenant", "agent", "field_executive", "property_manager", "admin",
                                   "super_admin"};

    private final PropertyMediaQueries queries;
    private final PropertyVisibility properties;

    PropertyMediaQueryController(PropertyMediaQueries queries, PropertyVisibility properties) {
        this.queries = queries;
        this.properties = properties;
    }

    @GetMapping("/api/properties/{id}/media")
    @Operation(summary = "A property's media the caller may see, in display order",
               description = "Public media to whoever may see the property; agent_only ones to its owner, manager "
                       + "and listing agent; private ones to its owner and manager; each uploader their own.")
    List<MediaView> media(@PathVariable UUID id) {
        CurrentUser caller = CurrentUser.require();
        return queries.ofProperty(id, access(id, caller), caller);
    }

    @GetMapping("/api/properties/{id}/media/{mediaId}")
    @Operation(summary = "One medium: capture, review, processing and the paths of its sizes")
    ResponseEntity<MediaView> medium(@PathVariable UUID id, @PathVariable UUID mediaId) {
        CurrentUser caller = CurrentUser.require();
        MediaView view = queries.find(id, mediaId, access(id, caller), caller)
                                .orElseThrow(() -> ApiException.notFound("medium", mediaId));
        return ResponseEntity.ok().eTag(ETags.of(view.sequence())).body(view);
    }

    private PropertyAccess access(UUID property, CurrentUser caller) {
        return properties.of(property).filter(access -> access.visibleTo(caller))
                         .orElseThrow(() -> ApiException.notFound("property", property));
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.GET, "/api/properties/*/media", "/api/properties/*/media/*")
                 .hasAnyRole(ROLES);
        }
    }
}
