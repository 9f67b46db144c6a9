package io.alter8.query.document;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.PageView;
import io.alter8.api.document.DocumentCategory;
import io.alter8.api.document.DocumentEntityType;
import io.alter8.api.document.DocumentType;
import io.alter8.api.document.DocumentView;
import io.alter8.api.document.SearchWords;
import io.alter8.web.QueryParameters;
import io.alter8.query.web.ReadModel;
import io.alter8.web.ApiException;
import io.alter8.web.ETags;
import io.alter8.web.FieldError;
import io.alter8.web.Paging;
import io.alter8.web.security.AccessRules;
import io.alter8.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Documents over HTTP: search and one document's metadata (the bytes are downloaded from the command side, which
 * holds them). What the caller may not see answers as unknown (404) or is left out of lists.
 */
@RestController
@ReadModel(DocumentViewProjector.PROCESSING_GROUP)
@Tag(name = "Documents", description = "The documents view: metadata, versions, signatures, downloads, search")
class DocumentQueryController {

    static final String[] SEE_ALL = {"admin", "super_admin"};
    static final String[] PEOPLE = {"owner", "tenant", "agent", "field_executive", "property_manager", "admin",
                                    "super_admin"};

    private final DocumentQueries queries;

    DocumentQueryController(DocumentQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/documents")
    @Operation(summary = "Documents the caller may read, newest first",
               description = "Filters: entityType, entityId, documentType, category, tags (all of them), "
                       + "uploadedBy, from/to (upload time, ISO instants), q (words that must all occur in the "
                       + "document's text, title, description or tags; whole words, any case or accent).")
    PageView<DocumentView> documents(@RequestParam(required = false) String entityType,
                                     @RequestParam(required = false) String entityId,
                                     @RequestParam(required = false) String documentType,
                                     @RequestParam(required = false) String category,
                                     @RequestParam(required = false) List<String> tags,
                                     @RequestParam(required = false) String uploadedBy,
                                     @Parameter(description = "uploaded at or after, e.g. 2026-12-01T00:00:00Z")
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String q,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size,
                                     @RequestParam(required = false) String sort) {
        List<FieldError> errors = new ArrayList<>();
        DocumentEntityType entity = QueryParameters.wire("entityType", entityType, DocumentEntityType::fromWire,
                                                         DocumentEntityType.class, errors);
        UUID entityOf = QueryParameters.id("entityId", entityId, UUID::fromString, errors);
        DocumentType type = QueryParameters.wire("documentType", documentType, DocumentType::fromWire,
                                                 DocumentType.class, errors);
        DocumentCategory kind = QueryParameters.wire("category", category, DocumentCategory::fromWire,
                                                     DocumentCategory.class, errors);
        UUID uploader = QueryParameters.id("uploadedBy", uploadedBy, UUID::fromString, errors);
        Instant after = instant("from", from, errors);
        Instant before = instant("to", to, errors);
        String words = QueryParameters.text(q);
        if (words != null && words.length() > 200) {
            errors.add(new FieldError("q", "has at most 200 characters"));
        }
        Paging paging = Paging.parse(page, size, sort, Set.of("createdAt", "title", "downloadCount"), "createdAt",
                                     errors);
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        if (sort == null) {
            paging = new Paging(paging.page(), paging.size(), "createdAt", false);
        }
        List<String> tagWords = tags == null ? List.of() : tags.stream().map(QueryParameters::text)
                                                               .filter(t -> t != null).toList();
        CurrentUser caller = CurrentUser.require();
        return queries.search(new DocumentQueries.Search(entity, entityOf, type, kind, tagWords, uploader, after,
                                                         before, SearchWords.of(words), paging),
                              caller.id(), caller.hasAnyRole(SEE_ALL));
    }

    @GetMapping("/api/documents/{id}")
    @Operation(summary = "One document's metadata, versions and signatures")
    ResponseEntity<DocumentView> document(@PathVariable UUID id) {
        CurrentUser caller = CurrentUser.require();
        DocumentView view = queries.find(new DocumentId(id), caller.id(), caller.hasAnyRole(SEE_ALL))
                                   .orElseThrow(() -> ApiException.notFound("document", id));
        return ResponseEntity.ok().eTag(ETags.of(view.sequence())).body(view);
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        String text = QueryParameters.text(value);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO instant, like 2026-12-01T00:00:00Z"));
            return null;
        }
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.GET, "/api/documents", "/api/documents/*").hasAnyRole(PEOPLE);
        }
    }
}
