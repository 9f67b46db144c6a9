package io.alter8.command.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.PropertyMediaId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.document.DocumentEntityType;
import io.alter8.api.document.StoredFile;
import io.alter8.api.media.CaptureInfo;
import io.alter8.api.media.ChangeMediaDetails;
import io.alter8.api.media.ChoosePrimaryMedia;
import io.alter8.api.media.CompleteMediaProcessing;
import io.alter8.api.media.DeleteMedia;
import io.alter8.api.media.FailMediaProcessing;
import io.alter8.api.media.MediaDeleted;
import io.alter8.api.media.MediaDetailsChanged;
import io.alter8.api.media.MediaKind;
import io.alter8.api.media.MediaProcessed;
import io.alter8.api.media.MediaProcessingFailed;
import io.alter8.api.media.MediaProcessingStarted;
import io.alter8.api.media.MediaProcessingStatus;
import io.alter8.api.media.MediaRendition;
import io.alter8.api.media.MediaReordered;
import io.alter8.api.media.MediaReviewed;
import io.alter8.api.media.MediaUploaded;
import io.alter8.api.media.MediaVerificationStatus;
import io.alter8.api.media.MediaVisibility;
import io.alter8.api.media.PrimaryMediaChosen;
import io.alter8.api.media.RenditionSize;
import io.alter8.api.media.ReorderMedia;
import io.alter8.api.media.ReviewMedia;
import io.alter8.api.media.RoomType;
import io.alter8.api.media.StartMediaProcessing;
import io.alter8.api.media.UploadMedia;
import io.alter8.api.user.Actor;
import io.alter8.api.user.Role;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotFound;
import io.alter8.command.NotPermitted;
import io.alter8.command.document.DocumentEntities;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The rules of a property's media: who uploads and arranges them, the one primary photo, reviews, processing. */
class PropertyMediaTest {

    static final PropertyId PROPERTY = PropertyId.random();
    static final PropertyMediaId ID = PropertyMediaId.of(PROPERTY);
    static final MediaId PHOTO = MediaId.random();
    static final MediaId SECOND = MediaId.random();
    static final MediaId VIDEO = MediaId.random();
    static final UserId OWNER = UserId.random();
    static final UserId AGENT = UserId.random();
    static final UserId EXECUTIVE = UserId.random();
    static final UserId STRANGER = UserId.random();
    static final VerificationId VERIFICATION = VerificationId.random();
    static final VerificationId ELSEWHERE = VerificationId.random();
    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    static final StoredFile JPEG = new StoredFile("f1", "hall.jpg", 1234, "image/jpeg", "aa11", null);
    static final StoredFile MP4 = new StoredFile("f2", "walk.mp4", 9999, "video/mp4", "bb22", null);
    static final CaptureInfo CAPTURE = new CaptureInfo("Apple", "iPhone 14", NOW, 12.97, 77.59);

    FixtureConfiguration<PropertyMedia> fixture;
    boolean verificationOpen = true;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PropertyMedia.class);
        fixture.registerInjectableResource((DocumentEntities) (type, id) ->
                type == DocumentEntityType.PROPERTY && id.equals(PROPERTY.value())
                        ? Optional.of(new DocumentEntities.Members(Set.of(OWNER), Set.of(AGENT), Set.of(OWNER)))
                        : Optional.empty());
        fixture.registerInjectableResource((MediaVerifications) id -> {
            if (id.equals(VERIFICATION)) {
                return Optional.of(new MediaVerifications.Assignment(PROPERTY, EXECUTIVE, verificationOpen));
            }
            if (id.equals(ELSEWHERE)) {
                return Optional.of(new MediaVerifications.Assignment(PropertyId.random(), EXECUTIVE, true));
            }
            return Optional.empty();
        });
    }

    TestExecutor<PropertyMedia> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(Arrays.asList(events));
    }

    static Actor as(UserId user, Role role) {
        return new Actor(user, role);
    }

    static UploadMedia upload(MediaId id, MediaKind kind, StoredFile file, MediaVisibility visibility,
                              Boolean primary, VerificationId verification, Actor by) {
        return new UploadMedia(ID, PROPERTY, id, kind, file, 640, 480, CAPTURE, RoomType.BEDROOM, List.of("bright"),
                               visibility, primary, verification, by);
    }

    static MediaUploaded uploaded(MediaId id, MediaKind kind, StoredFile file, MediaVisibility visibility,
                                  boolean primary, int order, VerificationId verification, UserId by) {
        return new MediaUploaded(ID, PROPERTY, id, kind, file, 640, 480, CAPTURE, RoomType.BEDROOM, List.of("bright"),
                                 visibility, primary, order, verification, by, NOW,
                                 kind == MediaKind.VIDEO ? MediaProcessingStatus.COMPLETED
                                         : MediaProcessingStatus.PENDING);
    }

    static MediaUploaded photo() {
        return uploaded(PHOTO, MediaKind.IMAGE, JPEG, MediaVisibility.PUBLIC, true, 1, null, OWNER);
    }

    static MediaUploaded second() {
        return uploaded(SECOND, MediaKind.IMAGE, JPEG, MediaVisibility.PUBLIC, false, 2, null, AGENT);
    }

    static List<MediaRendition> renditions() {
        return Arrays.stream(RenditionSize.values())
                     .map(size -> new MediaRendition(size, new StoredFile("r-" + size.wire(), size.wire() + ".jpg",
                                                                          100, "image/jpeg", "cc", null), 10, 10))
                     .toList();
    }

    @Test
    void theOwnersFirstPublicPhotoBecomesThePrimaryPhotoAndAwaitsItsSmallerVersions() {
        fixture.givenCurrentTime(NOW)
               .when(upload(PHOTO, MediaKind.IMAGE, JPEG, null, null, null, as(OWNER, Role.OWNER)))
               .expectEvents(photo());
    }

    @Test
    void aVideoIsNeverThePrimaryPhotoAndHasNothingToProcess() {
        fixture.givenCurrentTime(NOW)
               .when(upload(VIDEO, MediaKind.VIDEO, MP4, MediaVisibility.PUBLIC, null, null, as(AGENT, Role.AGENT)))
               .expectEvents(uploaded(VIDEO, MediaKind.VIDEO, MP4, MediaVisibility.PUBLIC, false, 1, null, AGENT));
        fixture.givenCurrentTime(NOW)
               .when(upload(VIDEO, MediaKind.VIDEO, MP4, MediaVisibility.PUBLIC, true, null, as(AGENT, Role.AGENT)))
               .expectNoEvents().expectException(DomainRuleViolation.class);
    }

    @Test
    void aPhotoUploadedAsPrimaryTakesOverFromThePreviousOne() {
        given(photo())
                .when(upload(SECOND, MediaKind.IMAGE, JPEG, null, true, null, as(AGENT, Role.AGENT)))
                .expectEvents(uploaded(SECOND, MediaKind.IMAGE, JPEG, MediaVisibility.PUBLIC, true, 2, null, AGENT),
                              new PrimaryMediaChosen(ID, PROPERTY, SECOND, PHOTO, AGENT));
    }

    @Test
    void someoneWhoIsNoneOfThePropertysPeopleIsToldItDoesNotExist() {
        fixture.givenCurrentTime(NOW)
               .when(upload(PHOTO, MediaKind.IMAGE, JPEG, null, null, null, as(STRANGER, Role.OWNER)))
               .expectNoEvents().expectException(NotFound.class);
    }

    @Test
    void aFieldExecutiveUploadsOnlyForAnOpenVerificationOfThisPropertyAssignedToThem() {
        fixture.givenCurrentTime(NOW)
               .when(upload(PHOTO, MediaKind.IMAGE, JPEG, MediaVisibility.AGENT_ONLY, null, VERIFICATION,
                            as(EXECUTIVE, Role.FIELD_EXECUTIVE)))
               .expectEvents(uploaded(PHOTO, MediaKind.IMAGE, JPEG, MediaVisibility.AGENT_ONLY, false, 1,
                                      VERIFICATION, EXECUTIVE));
        fixture.givenCurrentTime(NOW)
               .when(upload(PHOTO, MediaKind.IMAGE, JPEG, null, null, null, as(EXECUTIVE, Role.FIELD_EXECUTIVE)))
               .expectNoEvents().expectException(NotPermitted.class);
        fixture.givenCurrentTime(NOW)
               .when(upload(PHOTO, MediaKind.IMAGE, JPEG, null, null, VERIFICATION,
                            as(STRANGER, Role.FIELD_EXECUTIVE)))
               .expectNoEvents().expectException(NotPermitted.class);
        fixture.givenCurrentTime(NOW)
               .when(upload(PHOTO, MediaKind.IMAGE, JPEG, null, null, ELSEWHERE,
                            as(EXECUTIVE, Role.FIELD_EXECUTIVE)))
               .expectNoEvents().expectException(DomainRuleViolation.class);
        verificationOpen = false;
        fixture.givenCurrentTime(NOW)
               .when(upload(PHOTO, MediaKind.IMAGE, JPEG, null, null, VERIFICATION,
                            as(EXECUTIVE, Role.FIELD_EXECUTIVE)))
               .expectNoEvents().expectException(DomainRuleViolation.class);
    }

    @Test
    void theSameMediaIdTwiceIsRefusedSoTheSecondFileIsDeleted() {
        given(photo())
                .when(upload(PHOTO, MediaKind.IMAGE, JPEG, null, null, null, as(OWNER, Role.OWNER)))
                .expectNoEvents().expectException(DomainRuleViolation.class);
    }

    @Test
    void thePrimaryPhotoStaysPublicUntilAnotherIsChosen() {
        given(photo(), second())
                .when(new ChangeMediaDetails(ID, PHOTO, RoomType.KITCHEN, List.of(), MediaVisibility.PRIVATE,
                                             as(OWNER, Role.OWNER), null))
                .expectNoEvents().expectException(DomainRuleViolation.class);
        given(photo(), second())
                .when(new ChoosePrimaryMedia(ID, SECOND, as(OWNER, Role.OWNER), null))
                .expectEvents(new PrimaryMediaChosen(ID, PROPERTY, SECOND, PHOTO, OWNER));
        given(photo(), second(), new PrimaryMediaChosen(ID, PROPERTY, SECOND, PHOTO, OWNER))
                .when(new ChangeMediaDetails(ID, PHOTO, RoomType.KITCHEN, List.of("open"), MediaVisibility.PRIVATE,
                                             as(OWNER, Role.OWNER), null))
                .expectEvents(new MediaDetailsChanged(ID, PROPERTY, PHOTO, RoomType.KITCHEN, List.of("open"),
                                                      MediaVisibility.PRIVATE, OWNER, NOW));
    }

    @Test
    void choosingThePrimaryPhotoAgainChangesNothing() {
        given(photo()).when(new ChoosePrimaryMedia(ID, PHOTO, as(OWNER, Role.OWNER), null)).expectNoEvents()
                      .expectSuccessfulHandlerExecution();
    }

    @Test
    void aPrivateMediumIsUnknownToTheListingAgent() {
        MediaUploaded hidden = uploaded(SECOND, MediaKind.IMAGE, JPEG, MediaVisibility.PRIVATE, false, 2, null,
                                        OWNER);
        given(photo(), hidden)
                .when(new ChoosePrimaryMedia(ID, SECOND, as(AGENT, Role.AGENT), null))
                .expectNoEvents().expectException(NotFound.class);
    }

    @Test
    void theOrderNamesEveryMediumOnce() {
        given(photo(), second())
                .when(new ReorderMedia(ID, List.of(SECOND), as(OWNER, Role.OWNER), null))
                .expectNoEvents().expectException(DomainRuleViolation.class);
        given(photo(), second())
                .when(new ReorderMedia(ID, List.of(SECOND, PHOTO), as(OWNER, Role.OWNER), null))
                .expectEvents(new MediaReordered(ID, PROPERTY, List.of(SECOND, PHOTO), OWNER));
        given(photo(), second())
                .when(new ReorderMedia(ID, List.of(PHOTO, SECOND), as(OWNER, Role.OWNER), null))
                .expectNoEvents();
        given(photo(), second())
                .when(new ReorderMedia(ID, List.of(SECOND, PHOTO), as(STRANGER, Role.OWNER), null))
                .expectNoEvents().expectException(NotFound.class);
    }

    @Test
    void anAdminOrTheVerificationsFieldExecutiveReviewsAndARejectionSaysWhy() {
        given(photo())
                .when(new ReviewMedia(ID, PHOTO, VERIFICATION, MediaVerificationStatus.REJECTED, "blurred",
                                      as(EXECUTIVE, Role.FIELD_EXECUTIVE), null))
                .expectEvents(new MediaReviewed(ID, PROPERTY, PHOTO, MediaVerificationStatus.REJECTED, "blurred",
                                                VERIFICATION, EXECUTIVE, NOW));
        UserId admin = UserId.random();
        given(photo())
                .when(new ReviewMedia(ID, PHOTO, null, MediaVerificationStatus.APPROVED, null,
                                      as(admin, Role.ADMIN), null))
                .expectEvents(new MediaReviewed(ID, PROPERTY, PHOTO, MediaVerificationStatus.APPROVED, null, null,
                                                admin, NOW));
        given(photo())
                .when(new ReviewMedia(ID, PHOTO, null, MediaVerificationStatus.REJECTED, " ",
                                      as(admin, Role.ADMIN), null))
                .expectNoEvents().expectException(DomainRuleViolation.class);
        given(photo())
                .when(new ReviewMedia(ID, PHOTO, null, MediaVerificationStatus.APPROVED, null,
                                      as(EXECUTIVE, Role.FIELD_EXECUTIVE), null))
                .expectNoEvents().expectException(NotPermitted.class);
        given(photo())
                .when(new ReviewMedia(ID, PHOTO, null, MediaVerificationStatus.APPROVED, null,
                                      as(OWNER, Role.OWNER), null))
                .expectNoEvents().expectException(NotPermitted.class);
    }

    @Test
    void processingGoesFromPendingThroughProcessingToCompletedOrFailedWithItsReason() {
        MediaProcessingStarted started = new MediaProcessingStarted(ID, PROPERTY, PHOTO, 1, NOW);
        given(photo()).when(new StartMediaProcessing(ID, PHOTO)).expectEvents(started);
        given(photo(), started)
                .when(new CompleteMediaProcessing(ID, PHOTO, renditions()))
                .expectEvents(new MediaProcessed(ID, PROPERTY, PHOTO, renditions(), NOW));
        given(photo(), started)
                .when(new FailMediaProcessing(ID, PHOTO, "the image is corrupt: Bogus marker length"))
                .expectEvents(new MediaProcessingFailed(ID, PROPERTY, PHOTO,
                                                        "the image is corrupt: Bogus marker length", NOW));
        given(photo()).when(new CompleteMediaProcessing(ID, PHOTO, renditions()))
                      .expectNoEvents().expectException(DomainRuleViolation.class);
    }

    @Test
    void aCrashInTheMiddleStartsAgainAndACompletedImageIsNotMadeTwice() {
        MediaProcessingStarted started = new MediaProcessingStarted(ID, PROPERTY, PHOTO, 1, NOW);
        given(photo(), started).when(new StartMediaProcessing(ID, PHOTO))
                               .expectEvents(new MediaProcessingStarted(ID, PROPERTY, PHOTO, 2, NOW));
        given(photo(), started, new MediaProcessed(ID, PROPERTY, PHOTO, renditions(), NOW))
                .when(new StartMediaProcessing(ID, PHOTO))
                .expectNoEvents().expectException(DomainRuleViolation.class);
        given(photo(), started, new MediaProcessed(ID, PROPERTY, PHOTO, renditions(), NOW))
                .when(new CompleteMediaProcessing(ID, PHOTO, renditions()))
                .expectNoEvents().expectException(DomainRuleViolation.class);
    }

    @Test
    void deletingThePrimaryPhotoPassesItToTheNextPublicImageAndNamesEveryFileItHeldOrNoneIfNoPublicImageIsLeft() {
        MediaProcessingStarted started = new MediaProcessingStarted(ID, PROPERTY, PHOTO, 1, NOW);
        MediaProcessed processed = new MediaProcessed(ID, PROPERTY, PHOTO, renditions(), NOW);
        given(photo(), second(), started, processed)
                .when(new DeleteMedia(ID, PHOTO, as(OWNER, Role.OWNER), null))
                .expectEvents(new MediaDeleted(ID, PROPERTY, PHOTO, List.of("f1", "r-large", "r-medium",
                                                                             "r-thumbnail"),
                                               List.of(SECOND), OWNER, NOW),
                              new PrimaryMediaChosen(ID, PROPERTY, SECOND, PHOTO, OWNER));
        UserId admin = UserId.random();
        given(photo(), uploaded(VIDEO, MediaKind.VIDEO, MP4, MediaVisibility.PUBLIC, false, 2, null, OWNER))
                .when(new DeleteMedia(ID, PHOTO, as(admin, Role.ADMIN), null))
                .expectEvents(new MediaDeleted(ID, PROPERTY, PHOTO, List.of("f1"), List.of(VIDEO), admin, NOW));
    }

    @Test
    void onlyTheOwnerManagerOrAnAdminDeletesAndAVerificationsEvidenceOnlyAnAdmin() {
        MediaUploaded evidence = uploaded(SECOND, MediaKind.IMAGE, JPEG, MediaVisibility.PUBLIC, false, 2,
                                          VERIFICATION, EXECUTIVE);
        given(photo()).when(new DeleteMedia(ID, PHOTO, as(AGENT, Role.AGENT), null))
                      .expectNoEvents().expectException(NotPermitted.class);
        given(photo()).when(new DeleteMedia(ID, PHOTO, as(STRANGER, Role.OWNER), null))
                      .expectNoEvents().expectException(NotFound.class);
        given(photo()).when(new DeleteMedia(ID, MediaId.random(), as(OWNER, Role.OWNER), null))
                      .expectNoEvents().expectException(NotFound.class);
        given(photo(), evidence).when(new DeleteMedia(ID, SECOND, as(OWNER, Role.OWNER), null))
                                .expectNoEvents().expectException(DomainRuleViolation.class)
                                .expectExceptionMessage(org.hamcrest.Matchers.containsString(VERIFICATION.toString()));
    }

    @Test
    void aDeletedMediumIsNotProcessedNorRecordedNorUploadedAgainUnderItsId() {
        MediaDeleted deleted = new MediaDeleted(ID, PROPERTY, PHOTO, List.of("f1"), List.of(), OWNER, NOW);
        given(photo(), deleted).when(new StartMediaProcessing(ID, PHOTO))
                               .expectNoEvents().expectException(DomainRuleViolation.class)
                               .expectExceptionMessage(org.hamcrest.Matchers.containsString("deleted"));
        given(photo(), new MediaProcessingStarted(ID, PROPERTY, PHOTO, 1, NOW), deleted)
                .when(new CompleteMediaProcessing(ID, PHOTO, renditions()))
                .expectNoEvents().expectException(DomainRuleViolation.class);
        given(photo(), deleted).when(upload(PHOTO, MediaKind.IMAGE, JPEG, null, null, null, as(OWNER, Role.OWNER)))
                               .expectNoEvents().expectException(DomainRuleViolation.class);
        given(photo(), deleted).when(new DeleteMedia(ID, PHOTO, as(OWNER, Role.OWNER), null))
                               .expectNoEvents().expectException(NotFound.class);
    }
}
