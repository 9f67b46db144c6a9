package io.alter8.query.document;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.alter8.api.common.DocumentId;
import io.alter8.api.common.PageView;
import io.alter8.api.document.AccessLevel;
import io.alter8.api.document.DocumentCategory;
import io.alter8.api.document.DocumentEntityType;
import io.alter8.api.document.DocumentType;
import io.alter8.api.document.DocumentView;
import io.alter8.web.Paging;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.alter8.query.mongo.MongoFields.instant;
import static io.alter8.query.mongo.MongoFields.number;
import static io.alter8.query.mongo.MongoFields.user;

/**
 * Reads the documents view. Who sees a document mirrors who may download it: admins every one; others the public
 * ones, their own uploads, those granted to them, the restricted ones of the entities they are people of (their
 * own user, the properties they own, manage or list, the leases they are party to, the verifications they own or
 * carry out) and the private ones of the entities they write, found in this side's property, lease and
 * verification read models.
 */
@Component
public class DocumentQueries {

    /** A search: every field optional; {@code words} are normalised already and must all occur. */
    record Search(DocumentEntityType entityType, UUID entityId, DocumentType documentType, DocumentCategory category,
                  List<String> tags, UUID uploadedBy, Instant from, Instant to, List<String> words, Paging paging) {
    }

    private final MongoTemplate mongo;
    private final JdbcTemplate jdbc;

    DocumentQueries(MongoTemplate mongo, JdbcTemplate jdbc) {
        this.mongo = mongo;
        this.jdbc = jdbc;
    }

    PageView<DocumentView> search(Search search, UUID caller, boolean seesAll) {
        List<Bson> filters = new ArrayList<>();
        if (!seesAll) {
            filters.add(visibleTo(caller));
        }
        if (search.entityType() != null) {
            filters.add(Filters.eq("entityType", search.entityType().wire()));
        }
        if (search.entityId() != null) {
            filters.add(Filters.eq("entityId", search.entityId().toString()));
        }
        if (search.documentType() != null) {
            filters.add(Filters.eq("documentType", search.documentType().wire()));
        }
        if (search.category() != null) {
            filters.add(Filters.eq("category", search.category().wire()));
        }
        if (!search.tags().isEmpty()) {
            filters.add(Filters.all("tags", search.tags()));
        }
        if (search.uploadedBy() != null) {
            filters.add(Filters.eq("uploadedBy", search.uploadedBy().toString()));
        }
        if (search.from() != null) {
            filters.add(Filters.gte("createdAt", Date.from(search.from())));
        }
        if (search.to() != null) {
            filters.add(Filters.lt("createdAt", Date.from(search.to())));
        }
        if (!search.words().isEmpty()) {
            filters.add(Filters.all("searchWords", search.words()));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        Paging paging = search.paging();
        Bson sort = paging.ascending() ? Sorts.ascending(paging.sortField(), "_id")
                                       : Sorts.descending(paging.sortField(), "_id");
        List<DocumentView> items = new ArrayList<>();
        mongo.getCollection(DocumentViewProjector.COLLECTION).find(filter).sort(sort)
             .skip((int) paging.offset()).limit(paging.size())
             .forEach(document -> items.add(view(document)));
        long total = Paging.total(items.size(), paging.page(), paging.size(),
                                  () -> mongo.getCollection(DocumentViewProjector.COLLECTION).countDocuments(filter));
        return new PageView<>(items, paging.page(), paging.size(), total);
    }

    /** One document, if the caller may see it. */
    public Optional<DocumentView> find(DocumentId id, UUID caller, boolean seesAll) {
        Bson byId = Filters.eq("_id", id.toString());
        Document found = mongo.getCollection(DocumentViewProjector.COLLECTION)
                              .find(seesAll ? byId : Filters.and(byId, visibleTo(caller))).first();
        return Optional.ofNullable(found).map(DocumentQueries::view);
    }

    /**
     * The caller's entities, and which of them they write (a property's owner and manager, every party of a lease,
     * a verification's field executive, the user themself): restricted documents show to all of an entity's
     * people, private ones to its writers only, as downloads do.
     */
    private Bson visibleTo(UUID caller) {
        List<String> entities = new ArrayList<>();
        List<String> written = new ArrayList<>();
        entities.add(caller.toString());
        written.add(caller.toString());
        jdbc.query("SELECT id, COALESCE(owner_id = ? OR property_manager_id = ?, false) FROM property_listing "
                           + "WHERE owner_id = ? OR listing_agent_id = ? OR property_manager_id = ? UNION ALL "
                           + "SELECT l.id, true FROM lease l WHERE l.owner_id = ? OR l.agent_id = ? "
                           + "OR l.manager_id = ? OR EXISTS (SELECT 1 FROM lease_tenant t "
                           + "WHERE t.lease_id = l.id AND t.tenant_id = ?) UNION ALL "
                           + "SELECT id, COALESCE(field_executive_id = ?, false) FROM verification "
                           + "WHERE owner_id = ? OR agent_id = ? OR field_executive_id = ?",
                   rs -> {
                       entities.add(rs.getString(1));
                       if (rs.getBoolean(2)) {
                           written.add(rs.getString(1));
                       }
                   }, caller, caller, caller, caller, caller, caller, caller, caller, caller, caller, caller, caller,
                   caller);
        String me = caller.toString();
        return Filters.or(Filters.eq("accessLevel", AccessLevel.PUBLIC.wire()),
                          Filters.eq("uploadedBy", me),
                          Filters.exists("grants." + me),
                          Filters.and(Filters.eq("accessLevel", AccessLevel.RESTRICTED.wire()),
                                      Filters.in("entityId", entities)),
                          Filters.and(Filters.eq("accessLevel", AccessLevel.PRIVATE.wire()),
                                      Filters.in("entityId", written)));
    }

    static DocumentView view(Document d) {
        List<Document> versions = d.getList("versions", Document.class);
        int latest = versions.size();
        List<DocumentView.Version> history = versions.stream().map(v -> new DocumentView.Version(
                v.getInteger("version"), v.getInteger("previousVersion"), v.getInteger("version") == latest,
                v.getString("fileName"), number(v, "fileSize"), v.getString("mimeType"), v.getString("sha256"),
                user(v.getString("uploadedBy")), instant(v.getDate("uploadedAt")))).toList();
        List<DocumentView.Signature> signatures = d.getList("signatures", Document.class).stream()
                .map(s -> new DocumentView.Signature(s.getInteger("version"), user(s.getString("signerId")),
                                                     s.getString("signerName"), instant(s.getDate("signedAt")),
                                                     s.getString("signatureImage"), s.getString("ipAddress")))
                .toList();
        return new DocumentView(DocumentId.of(d.getString("_id")),
                                DocumentEntityType.fromWire(d.getString("entityType")), d.getString("entityId"),
                                DocumentType.fromWire(d.getString("documentType")),
                                DocumentCategory.fromWire(d.getString("category")), d.getString("title"),
                                d.getString("description"), d.getList("tags", String.class),
                                AccessLevel.fromWire(d.getString("accessLevel")), latest, d.getString("fileName"),
                                number(d, "fileSize"), d.getString("mimeType"), d.getString("sha256"),
                                Boolean.TRUE.equals(d.getBoolean("isEncrypted")), history, !signatures.isEmpty(),
                                Boolean.TRUE.equals(d.getBoolean("fullySigned")), signatures,
                                user(d.getString("uploadedBy")), number(d, "downloadCount"),
                                user(d.getString("lastAccessedBy")), instant(d.getDate("lastAccessedAt")),
                                d.getString("retentionPolicy"), instant(d.getDate("autoDeleteAt")),
                                d.getList("complianceTags", String.class), instant(d.getDate("createdAt")),
                                instant(d.getDate("updatedAt")), number(d, "sequence"));
    }
}
