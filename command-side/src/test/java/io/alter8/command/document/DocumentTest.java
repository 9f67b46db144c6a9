package io.alter8.command.document;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.Mask;
import io.alter8.api.common.UserId;
import io.alter8.api.document.AccessLevel;
import io.alter8.api.document.DocumentAccessGranted;
import io.alter8.api.document.DocumentCategory;
import io.alter8.api.document.DocumentDownloaded;
import io.alter8.api.document.DocumentEntityType;
import io.alter8.api.document.DocumentExpired;
import io.alter8.api.document.DocumentPermission;
import io.alter8.api.document.DocumentSigned;
import io.alter8.api.document.DocumentType;
import io.alter8.api.document.DocumentUploaded;
import io.alter8.api.document.DocumentTextExtracted;
import io.alter8.api.document.DocumentVersionUploaded;
import io.alter8.api.document.DownloadDocument;
import io.alter8.api.document.ExpireDocument;
import io.alter8.api.document.GrantDocumentAccess;
import io.alter8.api.document.RecordDocumentText;
import io.alter8.api.document.SignDocument;
import io.alter8.api.document.StoredFile;
import io.alter8.api.document.UploadDocument;
import io.alter8.api.document.UploadDocumentVersion;
import io.alter8.api.user.Actor;
import io.alter8.api.user.Role;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotFound;
import io.alter8.command.NotPermitted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The document's rules: who uploads, reads, versions, grants and signs, and when retention deletes it. */
class DocumentTest {

    static final DocumentId ID = DocumentId.random();
    static final UUID PROPERTY = UUID.randomUUID();
    static final UUID LEASE = UUID.randomUUID();
    static final UserId OWNER = UserId.random();
    static final UserId AGENT = UserId.random();
    static final UserId TENANT = UserId.random();
    static final UserId STRANGER = UserId.random();
    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    static final StoredFile FILE = new StoredFile("f1", "deed.pdf", 1234, "application/pdf", "aa11", null);
    static final StoredFile SECOND = new StoredFile("f2", "deed-v2.pdf", 2345, "application/pdf", "bb22", null);

    FixtureConfiguration<Document> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Document.class);
        fixture.registerInjectableResource((DocumentEntities) (type, id) -> {
            if (type == DocumentEntityType.PROPERTY && id.equals(PROPERTY)) {
                return Optional.of(new DocumentEntities.Members(Set.of(OWNER), Set.of(AGENT), Set.of(OWNER)));
            }
            if (type == DocumentEntityType.LEASE && id.equals(LEASE)) {
                return Optional.of(new DocumentEntities.Members(Set.of(OWNER, TENANT), Set.of(),
                                                                Set.of(OWNER, TENANT)));
            }
            return Optional.empty();
        });
    }

    TestExecutor<Document> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    static Actor as(UserId user, Role role) {
        return new Actor(user, role);
    }

    static UploadDocument upload(Actor by, DocumentType type, AccessLevel level) {
        return new UploadDocument(ID, DocumentEntityType.PROPERTY, PROPERTY, type, " Sale deed ", null,
                                  List.of("deed", " deed"), level, FILE, by);
    }

    static DocumentUploaded uploaded(AccessLevel level) {
        return new DocumentUploaded(ID, DocumentEntityType.PROPERTY, PROPERTY, DocumentType.PROPERTY_PAPERS,
                                    DocumentCategory.PROPERTY, "Sale deed", null, List.of("deed"), level, FILE,
                                    List.of(), OWNER, NOW, "10_years",
                                    Instant.parse("2036-12-06T10:00:00Z"), List.of("title_records"));
    }

    static DocumentUploaded leaseAgreement() {
        return new DocumentUploaded(ID, DocumentEntityType.LEASE, LEASE, DocumentType.LEASE_AGREEMENT,
                                    DocumentCategory.LEGAL, "Agreement", null, List.of(), AccessLevel.RESTRICTED,
                                    FILE, List.of(), OWNER, NOW, "7_years", Instant.parse("2033-12-06T10:00:00Z"),
                                    List.of("legal_hold", "tenancy_records"));
    }

    static DocumentSigned signed(int version, UserId by, String name, Instant at, String image, String ip,
                                 boolean fullySigned) {
        return new DocumentSigned(ID, DocumentEntityType.LEASE, LEASE, DocumentType.LEASE_AGREEMENT, version, by,
                                  name(name), at, image, ip, fullySigned);
    }

    /** A signer's name as the cipher would encrypt it; equal names, equal fingerprints. */
    static EncryptedValue name(String plaintext) {
        return new EncryptedValue("7a4ee2f0-1b6c-4d0e-9a55-3f3f3f3f3f3f", EncryptedValue.AES_256_GCM,
                                  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "name:" + plaintext, Mask.NAME.apply(plaintext));
    }

    @Test
    void thePropertysOwnerUploadsItsPapersKeptTenYearsByTheirTypesRetention() {
        fixture.givenCurrentTime(NOW)
               .when(upload(as(OWNER, Role.OWNER), DocumentType.PROPERTY_PAPERS, null))
               .expectEvents(uploaded(AccessLevel.RESTRICTED));
    }

    @Test
    void someoneWhoIsNoneOfThePropertysPeopleIsToldItDoesNotExist() {
        fixture.givenCurrentTime(NOW)
               .when(upload(as(STRANGER, Role.OWNER), DocumentType.PROPERTY_PAPERS, null))
               .expectNoEvents().expectException(NotFound.class);
    }

    @Test
    void theListingAgentReadsButDoesNotAddThePropertysDocuments() {
        fixture.givenCurrentTime(NOW)
               .when(upload(as(AGENT, Role.AGENT), DocumentType.PROPERTY_PAPERS, null))
               .expectNoEvents().expectException(NotPermitted.class);
    }

    @Test
    void anIdentityDocumentBelongsToAUserAndIsSealed() {
        fixture.givenCurrentTime(NOW)
               .when(upload(as(OWNER, Role.OWNER), DocumentType.KYC, null))
               .expectNoEvents().expectException(DomainRuleViolation.class)
               .expectExceptionMessage("a kyc document belongs to a user");
    }

    @Test
    void aDownloadByAReaderIsCountedWithTheFileServed() {
        given(uploaded(AccessLevel.RESTRICTED),
              new DocumentDownloaded(ID, 1, FILE, OWNER, NOW, 1))
                .when(new DownloadDocument(ID, null, as(AGENT, Role.AGENT)))
                .expectEvents(new DocumentDownloaded(ID, 1, FILE, AGENT, NOW, 2));
    }

    @Test
    void anotherUsersDownloadIsNotFound() {
        given(uploaded(AccessLevel.RESTRICTED))
                .when(new DownloadDocument(ID, null, as(STRANGER, Role.TENANT)))
                .expectNoEvents().expectException(NotFound.class);
    }

    @Test
    void aPrivateDocumentIsReadOnlyByItsWritersAndGrantees() {
        given(uploaded(AccessLevel.PRIVATE))
                .when(new DownloadDocument(ID, null, as(AGENT, Role.AGENT)))
                .expectNoEvents().expectException(NotFound.class);
        given(uploaded(AccessLevel.PRIVATE), new DocumentAccessGranted(ID, STRANGER, DocumentPermission.READ, OWNER))
                .when(new DownloadDocument(ID, null, as(STRANGER, Role.TENANT)))
                .expectEvents(new DocumentDownloaded(ID, 1, FILE, STRANGER, NOW, 1));
    }

    @Test
    void onlyItsAdministratorsGrantAccessAndAReaderIsToldSo() {
        given(uploaded(AccessLevel.RESTRICTED))
                .when(new GrantDocumentAccess(ID, STRANGER, DocumentPermission.READ, as(AGENT, Role.AGENT), null))
                .expectNoEvents().expectException(NotPermitted.class);
        given(uploaded(AccessLevel.RESTRICTED))
                .when(new GrantDocumentAccess(ID, STRANGER, DocumentPermission.WRITE, as(OWNER, Role.OWNER), null))
                .expectEvents(new DocumentAccessGranted(ID, STRANGER, DocumentPermission.WRITE, OWNER));
    }

    @Test
    void aNewVersionBecomesTheLatestAndTheOldOneStaysReadable() {
        given(uploaded(AccessLevel.RESTRICTED))
                .when(new UploadDocumentVersion(ID, SECOND, as(OWNER, Role.OWNER), null))
                .expectEvents(new DocumentVersionUploaded(ID, 2, 1, SECOND, List.of(), OWNER, NOW));
        given(uploaded(AccessLevel.RESTRICTED),
              new DocumentVersionUploaded(ID, 2, 1, SECOND, List.of(), OWNER, NOW))
                .when(new DownloadDocument(ID, 1, as(AGENT, Role.AGENT)))
                .expectEvents(new DocumentDownloaded(ID, 1, FILE, AGENT, NOW, 1));
    }

    @Test
    void theWordsOfAVersionsTextAreRecordedOnceAfterItsUpload() {
        DocumentTextExtracted extracted = new DocumentTextExtracted(ID, 1, List.of("sale", "deed"), NOW);
        given(uploaded(AccessLevel.RESTRICTED))
                .when(new RecordDocumentText(ID, 1, List.of("sale", "deed")))
                .expectEvents(extracted);
        given(uploaded(AccessLevel.RESTRICTED), extracted)
                .when(new RecordDocumentText(ID, 1, List.of("sale", "deed")))
                .expectNoEvents().expectSuccessfulHandlerExecution();
        given(uploaded(AccessLevel.RESTRICTED))
                .when(new RecordDocumentText(ID, 2, List.of("deed")))
                .expectNoEvents().expectException(NotFound.class);
    }

    @Test
    void theLatestContentAgainIsNoNewVersion() {
        given(uploaded(AccessLevel.RESTRICTED))
                .when(new UploadDocumentVersion(ID, FILE, as(OWNER, Role.OWNER), null))
                .expectNoEvents().expectException(DomainRuleViolation.class);
    }

    @Test
    void aLeaseAgreementIsFullySignedOnceTheOwnerAndEveryTenantSigned() {
        given(leaseAgreement())
                .when(new SignDocument(ID, name("Asha Rao"), "https://sign.example/asha", "198.18.0.1",
                                       as(OWNER, Role.OWNER), null))
                .expectEvents(signed(1, OWNER, "Asha Rao", NOW, "https://sign.example/asha", "198.18.0.1", false));
        given(leaseAgreement(), signed(1, OWNER, "Asha Rao", NOW, "img", "198.18.0.1", false))
                .when(new SignDocument(ID, name("Ravi"), "https://sign.example/ravi", "198.18.0.2",
                                       as(TENANT, Role.TENANT), null))
                .expectEvents(signed(1, TENANT, "Ravi", NOW, "https://sign.example/ravi", "198.18.0.2", true));
    }

    @Test
    void aNewVersionMustBeSignedAgain() {
        given(leaseAgreement(), signed(1, OWNER, "Asha Rao", NOW, "img", null, false),
              new DocumentVersionUploaded(ID, 2, 1, SECOND, List.of(), OWNER, NOW))
                .when(new SignDocument(ID, name("Asha Rao"), "img", null, as(OWNER, Role.OWNER), null))
                .expectEvents(signed(2, OWNER, "Asha Rao", NOW, "img", null, false));
    }

    @Test
    void retentionDeletesADocumentOnlyAfterItsAutoDeleteDate() {
        given(leaseAgreement())
                .when(new ExpireDocument(ID, Instant.parse("2033-12-06T09:59:59Z")))
                .expectNoEvents().expectException(DomainRuleViolation.class);
        given(leaseAgreement())
                .when(new ExpireDocument(ID, Instant.parse("2033-12-06T10:00:00Z")))
                .expectEvents(new DocumentExpired(ID, List.of("f1"), "7_years",
                                                  Instant.parse("2033-12-06T10:00:00Z")));
    }
}
