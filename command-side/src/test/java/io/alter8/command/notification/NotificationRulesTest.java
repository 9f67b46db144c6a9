package io.alter8.command.notification;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PlanId;
import io.alter8.api.common.SubscriptionId;
import io.alter8.api.lease.CreditAllocated;
import io.alter8.api.lease.LateFeeApplied;
import io.alter8.api.lease.LateFeeKind;
import io.alter8.api.lease.LateFeeRule;
import io.alter8.api.lease.LateFeeWaived;
import io.alter8.api.lease.PaymentMethod;
import io.alter8.api.lease.PaymentRecorded;
import io.alter8.api.lease.RentChargeScheduled;
import io.alter8.api.notification.NotificationIssued;
import io.alter8.api.subscription.PaymentFrequency;
import io.alter8.api.subscription.SubscriptionCancelled;
import io.alter8.api.subscription.SubscriptionEnded;
import io.alter8.api.subscription.SubscriptionStarted;
import io.alter8.api.subscription.SubscriptionStatus;
import io.alter8.command.property.PropertyBodies;
import io.alter8.command.subscription.Plans;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import io.alter8.api.common.Mask;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.lease.AgreementType;
import io.alter8.api.lease.LeaseActivated;
import io.alter8.api.lease.LeaseApprovalStatus;
import io.alter8.api.lease.LeaseApproved;
import io.alter8.api.lease.LeaseParty;
import io.alter8.api.lease.LeaseProposed;
import io.alter8.api.lease.LeaseStatus;
import io.alter8.api.lease.LeaseTerminated;
import io.alter8.api.lease.LeaseTerms;
import io.alter8.api.user.PersonalDetailsChanged;
import io.alter8.api.verification.VerificationAssigned;
import io.alter8.api.verification.VerificationCompleted;
import io.alter8.api.verification.VerificationOpened;
import io.alter8.api.verification.VerificationRejected;
import io.alter8.api.verification.VerificationReport;
import io.alter8.api.verification.VerificationScheduled;
import io.alter8.api.verification.VerificationStatus;
import io.alter8.api.verification.VerificationType;
import io.alter8.command.CommandSideTest;
import io.alter8.command.auth.TestUsers.User;
import io.alter8.command.auth.TestUsers;
import io.alter8.infra.privacy.PersonalDataCipher;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.EmbeddedMail.ReceivedMail;
import io.alter8.infra.stack.EmbeddedMail;
import io.alter8.infra.stack.TestTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Every rule on the embedded stack: the domain events the aggregates store make notifications for the right people,
 * in their language, by the channels they chose, after their quiet hours, once, and never again on a replay.
 */
@CommandSideTest
class NotificationRulesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;
    @Autowired
    EventGateway events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LeaseEndingSoonCheck endingSoon;
    @Autowired
    PaymentDueSoonCheck dueSoon;
    @Autowired
    ChargeOverdueCheck overdue;
    @Autowired
    SubscriptionRenewingCheck renewingCheck;
    @Autowired
    NotificationRules rules;
    @Autowired
    Clock clock;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    Notifier notifier;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;
    ApiClient api;
    User owner;
    User tenant;
    User manager;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
        owner = TestUsers.register(api, "owner", PASSWORD);
        tenant = TestUsers.register(api, "tenant", PASSWORD);
        manager = TestUsers.register(api, "property_manager", PASSWORD);
        // The rules learn each user's language from their registration.
        await().atMost(PATIENCE).until(() -> recipientKnown(owner) && recipientKnown(tenant) && recipientKnown(manager));
    }

    /**
     * The e-mail greets the owner by name; the in-app copy, an event kept for good that an erasure cannot shred, holds
     * no name: its greeting is left for the inbox to fill when read.
     */
    @Test
    void theInAppNotificationCarriesNoNameWhileTheEmailGreetsByIt() {
        events.publish(proposed(LeaseId.random(), tenant, LocalDate.now().plusYears(1)));

        assertThat(mailTo(owner).body()).startsWith("Hello Asha, a tenant applied");
        await().atMost(PATIENCE).until(() -> inAppEvents(owner) > 0);
        List<String> stored = jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                WHERE payload_type = 'io.alter8.api.notification.NotificationIssued'
                  AND convert_from(payload, 'UTF8') LIKE ?""", String.class, "%" + owner.id() + "%");
        assertThat(stored).isNotEmpty().allSatisfy(payload -> assertThat(payload)
                .doesNotContain("Asha")
                .contains("Hello " + NotificationIssued.FIRST_NAME + ", a tenant applied"));
    }

    @Test
    void aTenantsApplicationTellsTheOwnerAndTheManagerButNotTheTenant() {
        LeaseId lease = LeaseId.random();
        events.publish(proposed(lease, tenant, LocalDate.now().plusYears(1)));

        assertThat(mailTo(owner).subject()).isEqualTo("New application for your listing");
        assertThat(mailTo(owner).body()).isEqualTo("Hello Asha, a tenant applied to rent your property from "
                                                    + LocalDate.now() + " at 25000.00 INR a month.");
        assertThat(mailTo(manager).subject()).isEqualTo("New application for your listing");
        assertThat(issued(tenant)).isZero();
    }

    @Test
    void aLeaseProposedByTheOwnerWaitsForTheTenantsApprovalThenEveryoneSigns() {
        LeaseId lease = LeaseId.random();
        events.publish(proposed(lease, owner, LocalDate.now().plusYears(1)));
        assertThat(mailTo(tenant).subject()).isEqualTo("A lease is ready for your approval");

        events.publish(approved(lease, LeaseApprovalStatus.OWNER_APPROVED));
        events.publish(approved(lease, LeaseApprovalStatus.FULLY_APPROVED));

        await().atMost(PATIENCE).until(() -> mails(owner).size() == 1 && mails(tenant).size() == 2);
        assertThat(mails(owner).get(0).subject()).isEqualTo("Your lease is ready to sign");
        assertThat(mails(tenant).get(1).subject()).isEqualTo("Your lease is ready to sign");
    }

    @Test
    void anActivatedLeaseIsAnnouncedInEachPartysLanguageThenEndingSoonOnceThenItsEnd() {
        LeaseId lease = LeaseId.random();
        LocalDate end = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        events.publish(new PersonalDetailsChanged(id(tenant), cipher.encrypt(id(tenant), "Ravi", Mask.NAME),
                                                  cipher.encrypt(id(tenant), "Kumar", Mask.NAME), "hi", null,
                                                  id(tenant)));
        events.publish(proposed(lease, owner, end));
        events.publish(new LeaseActivated(lease, PropertyId.random(), UnitId.random(), List.of(id(tenant)),
                                          id(owner)));

        await().atMost(PATIENCE).until(() -> mails(owner).size() == 1 && mails(tenant).size() == 2);
        assertThat(mails(owner).get(0).subject()).isEqualTo("Your lease is now active");
        assertThat(mailTo(tenant, "आपकी लीज़ अब सक्रिय है").body())
                .isEqualTo("नमस्ते Ravi, आपकी लीज़ " + end + " तक लागू है।");

        assertThat(endingSoon.run(LocalDate.now(clock))).isGreaterThanOrEqualTo(2);
        endingSoon.run(LocalDate.now(clock));
        await().atMost(PATIENCE).until(() -> mails(owner).size() == 2 && mails(tenant).size() == 3);
        assertThat(mails(owner).get(1).subject()).isEqualTo("Your lease ends on " + end);
        // In English: the template has no Hindi version.
        assertThat(mails(tenant)).extracting(ReceivedMail::subject).containsOnlyOnce("Your lease ends on " + end);

        events.publish(new LeaseTerminated(lease, PropertyId.random(), UnitId.random(), end.minusDays(5), "moving",
                                           LocalDate.now(), Money.of("0", "INR"), id(owner)));
        await().atMost(PATIENCE).until(() -> mails(owner).size() == 3);
        assertThat(mails(owner).get(2).body()).contains("the lease was ended as of " + end.minusDays(5));
    }

    @Test
    void aVerificationTellsItsFieldExecutiveAndThenTheOwnerOfEachStep() {
        VerificationId verification = VerificationId.random();
        PropertyId property = PropertyId.random();
        events.publish(new VerificationOpened(verification, property, VerificationType.STANDARD, id(owner),
                                              id(owner)));
        events.publish(new VerificationAssigned(verification, id(manager), null, VerificationStatus.ASSIGNED,
                                                id(owner)));
        assertThat(mailTo(manager).subject()).isEqualTo("A property verification was assigned to you");

        Instant visit = Instant.parse("2027-01-15T10:00:00Z");
        events.publish(new VerificationScheduled(verification, visit, id(manager)));
        events.publish(new VerificationCompleted(verification, property, report(), id(manager)));
        events.publish(new VerificationRejected(verification, property, "the address does not exist",
                                                id(manager)));

        await().atMost(PATIENCE).until(() -> mails(owner).size() == 3);
        // Several workers send a channel's mail at once, so the order of arrival is not the order of the events.
        assertThat(mails(owner)).extracting(ReceivedMail::subject).containsExactlyInAnyOrder(
                "Your property's verification visit is scheduled", "Your property is verified",
                "Your property did not pass verification");
        assertThat(mailTo(owner, "Your property's verification visit is scheduled").body())
                .contains("planned for 2027-01-15T10:00:00Z");
        assertThat(mailTo(owner, "Your property did not pass verification").body())
                .endsWith("did not pass its verification: the address does not exist");
    }

    @Test
    void chosenChannelsAndQuietHoursDecideHowAndWhenANotificationGoes() {
        ApiClient asOwner = api.withToken(TestTokens.mint(owner.id(), "owner"));
        LocalTime now = LocalTime.now(ZoneOffset.UTC).withSecond(0).withNano(0);
        Response set = asOwner.put("/api/users/" + owner.id() + "/notification-preferences", """
                {"channels": {"new_application": ["in_app"], "lease_ready_to_sign": ["email", "sms"]},
                 "quietHours": {"start": "%s", "end": "%s", "timeZone": "UTC"}}""".formatted(
                now.minusHours(1), now.plusHours(2)));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(asOwner.get("/api/users/" + owner.id() + "/notification-preferences").json()
                          .path("channels").path("new_application").get(0).asString()).isEqualTo("in_app");

        LeaseId application = LeaseId.random();
        events.publish(proposed(application, tenant, LocalDate.now().plusYears(1)));
        await().atMost(PATIENCE).until(() -> issued(owner) == 1);
        assertThat(outboxRows(owner)).isZero();
        assertThat(inAppEvents(owner)).isEqualTo(1);

        LeaseId lease = LeaseId.random();
        events.publish(proposed(lease, owner, LocalDate.now().plusYears(1)));
        events.publish(approved(lease, LeaseApprovalStatus.FULLY_APPROVED));
        await().atMost(PATIENCE).until(() -> outboxRows(owner) == 2);
        // Both wait for the end of the quiet hours, two hours from now; nothing reaches the owner meanwhile.
        Instant quietEnd = LocalDate.now(ZoneOffset.UTC).atTime(now.plusHours(2)).toInstant(ZoneOffset.UTC);
        assertThat(jdbc.queryForList("SELECT channel, status FROM notification_outbox WHERE user_id = ? "
                                     + "AND template = 'lease_ready_to_sign'", owner.id()))
                .extracting(r -> r.get("channel") + " " + r.get("status"))
                .containsExactlyInAnyOrder("email pending", "sms pending");
        assertThat(jdbc.queryForList("SELECT not_before FROM notification_outbox WHERE user_id = ? "
                                     + "AND template = 'lease_ready_to_sign'", Timestamp.class, owner.id()))
                .allSatisfy(t -> assertThat(t.toInstant()).isIn(quietEnd, quietEnd.plus(Duration.ofDays(1))));
        assertThat(inAppEvents(owner)).isEqualTo(1);
    }

    @Test
    void badPreferencesAreRefusedNamingEveryFieldAndOthersCannotSeeThem() {
        ApiClient asOwner = api.withToken(TestTokens.mint(owner.id(), "owner"));
        Response bad = asOwner.put("/api/users/" + owner.id() + "/notification-preferences", """
                {"channels": {"lease_activated": ["pigeon"], "birthday": ["email"]},
                 "quietHours": {"start": "25:00", "end": "07:00", "timeZone": "Mars/Olympus"}}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.badFields()).containsExactlyInAnyOrder("channels.lease_activated", "channels.birthday",
                                                              "quietHours.start", "quietHours.timeZone");

        Response other = api.withToken(TestTokens.mint(tenant.id(), "tenant"))
                            .get("/api/users/" + owner.id() + "/notification-preferences");
        assertThat(other.status()).isEqualTo(404);
        assertThat(api.get("/api/users/" + owner.id() + "/notification-preferences").status()).isEqualTo(401);
    }

    @Test
    void theRulesCannotBeReplayedAndAnEventSeenTwiceNotifiesOnce() {
        LeaseId lease = LeaseId.random();
        events.publish(proposed(lease, tenant, LocalDate.now().plusYears(1)));
        await().atMost(PATIENCE).until(() -> mails(owner).size() == 1);
        long rows = ownRows();

        StreamingEventProcessor rules = processing.eventProcessor(NotificationRules.PROCESSING_GROUP,
                                                                  StreamingEventProcessor.class).orElseThrow();
        rules.shutDown();
        try {
            assertThatThrownBy(rules::resetTokens).isInstanceOf(IllegalStateException.class)
                                                  .hasMessageContaining("do not support a reset");
        } finally {
            rules.start();
        }
        // The same notice for the same cause (a redelivered event) is refused by the notifier.
        Notice again = new Notice(id(owner), "new_application", Priority.HIGH, "lease", lease.toString(), List.of(),
                                  java.util.Map.of("startDate", "2027-01-01", "monthlyRent", "1 INR"), null);
        Boolean first = transaction.execute(s -> notifier.issue(again, "cause-" + lease));
        Boolean second = transaction.execute(s -> notifier.issue(again, "cause-" + lease));
        assertThat(first).isTrue();
        assertThat(second).isFalse();

        // The processor lives on: a new event is handled, the old one is not sent again.
        events.publish(proposed(LeaseId.random(), tenant, LocalDate.now().plusYears(1)));
        await().atMost(PATIENCE).until(() -> mails(owner).size() == 3);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> mails(owner).size() == 3);
        // One e-mail each for the owner's notice and the two applications' owner and manager: nothing repeated.
        assertThat(ownRows()).isEqualTo(rows + 3);
    }

    @Test
    void aPaymentDueInThreeDaysRemindsTheTenantsOnceOfWhatTheirCreditLeavesToPay() {
        LeaseId lease = LeaseId.random();
        LocalDate today = LocalDate.now(clock);
        events.publish(new PersonalDetailsChanged(id(tenant), cipher.encrypt(id(tenant), "Ravi", Mask.NAME),
                                                  cipher.encrypt(id(tenant), "Kumar", Mask.NAME), "hi", null,
                                                  id(tenant)));
        events.publish(proposed(lease, owner, today.plusYears(1)));
        events.publish(charge(lease, 0, today.plusDays(2), "25000"));
        events.publish(charge(lease, 1, today.plusDays(4), "25000"));
        EventMessage<PaymentRecorded> payment = GenericEventMessage.asEventMessage(paid(lease, "10000"));
        events.publish(payment);
        await().atMost(PATIENCE).until(() -> moneyRows(lease) == 1);
        // The same payment seen again (a redelivery) counts once and tells nobody again.
        transaction.executeWithoutResult(s -> rules.on(payment.getPayload(), payment));

        dueSoon.run(LocalDate.now(clock));
        dueSoon.run(LocalDate.now(clock));
        // The tenant was asked to approve the lease, got the payment's receipt, and now the reminder.
        ReceivedMail reminder = await().atMost(PATIENCE).until(() -> mails(tenant), m -> m.size() == 3).stream()
                                       .filter(m -> m.subject().contains(today.plusDays(2).toString()))
                                       .findFirst().orElseThrow();
        assertThat(reminder.subject()).isEqualTo("15000.00 INR का किराया " + today.plusDays(2) + " को देय है");
        assertThat(reminder.body()).startsWith("नमस्ते Ravi, आपके किराए के 15000.00 INR");
        // The charge due in four days is not yet told; the owner and manager hear of the payment only.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> mails(tenant).size() == 3);
        assertThat(mails(owner)).extracting(ReceivedMail::subject).containsExactly("Payment of 10000.00 INR received");
        assertThat(mails(manager)).extracting(ReceivedMail::subject).containsExactly("Payment of 10000.00 INR received");
        assertThat(mails(tenant)).extracting(ReceivedMail::subject).contains("10000.00 INR का भुगतान प्राप्त हुआ");
        assertThat(inAppEvents(tenant)).isEqualTo(3);
    }

    @Test
    void aChargeUnpaidPastItsGraceDaysIsOverdueThenItsLateFeeIsAddedAndWaived() {
        LeaseId lease = LeaseId.random();
        LocalDate today = LocalDate.now(clock);
        events.publish(proposed(lease, owner, today.plusYears(1), 3));
        events.publish(charge(lease, 0, today.minusDays(10), "25000"));
        events.publish(charge(lease, 1, today.minusDays(5), "25000"));
        events.publish(charge(lease, 2, today.minusDays(2), "25000"));
        events.publish(paid(lease, "25000"));
        events.publish(new CreditAllocated(lease, 0, Money.of("25000", "INR")));
        await().atMost(PATIENCE).until(() -> moneyRows(lease) == 2);

        overdue.run(LocalDate.now(clock));
        overdue.run(LocalDate.now(clock));
        // Charge 0 is paid and charge 2 is within its three grace days: only charge 1 is overdue.
        ReceivedMail told = await().atMost(PATIENCE).until(() -> mails(tenant), m -> m.size() == 3).stream()
                                   .filter(m -> m.subject().contains("overdue")).findFirst().orElseThrow();
        assertThat(told.subject()).isEqualTo("Your rent due on " + today.minusDays(5) + " is overdue");
        assertThat(told.body()).isEqualTo("Hello Asha, 25000.00 INR of the rent due on " + today.minusDays(5)
                                          + " is still unpaid. Pay it as soon as you can; your lease may charge a "
                                          + "late fee.");

        UUID fee = UUID.randomUUID();
        events.publish(new LateFeeApplied(lease, fee, PropertyId.random(), 1, Money.of("500", "INR"), 5, today));
        events.publish(new LateFeeWaived(lease, fee, 1, Money.of("500", "INR"), "first time", id(owner)));
        await().atMost(PATIENCE).until(() -> mails(tenant).size() == 5);
        assertThat(mails(tenant).subList(3, 5)).extracting(ReceivedMail::subject)
                .containsExactlyInAnyOrder("A late fee of 500.00 INR was added", "A late fee was waived");
        assertThat(mailTo(tenant, "A late fee of 500.00 INR was added").body()).isEqualTo("Hello Asha, a late fee of 500.00 INR was added to your "
                                                          + "rent, 5 days after it was due.");
        assertThat(mails(owner)).extracting(ReceivedMail::subject).containsExactly("Payment of 25000.00 INR received");
        overdue.run(LocalDate.now(clock));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> mails(tenant).size() == 5);
    }

    @Test
    void aSubscriptionAboutToRenewTellsItsAccountOnceAndOneThatExpiresSaysSo() {
        LocalDate today = LocalDate.now(clock);
        SubscriptionId renewing = SubscriptionId.random();
        SubscriptionId lapsing = SubscriptionId.random();
        events.publish(started(renewing, owner, "Pro", today.plusDays(2), true));
        events.publish(started(lapsing, manager, "Basic", today.plusDays(1), false));
        await().atMost(PATIENCE).until(() -> subscriptionsKnown(owner) == 1 && subscriptionsKnown(manager) == 1);

        renewingCheck.run(LocalDate.now(clock));
        renewingCheck.run(LocalDate.now(clock));
        assertThat(mailTo(owner).subject()).isEqualTo("Your Pro subscription renews on " + today.plusDays(2));
        assertThat(mailTo(owner).body()).isEqualTo("Hello Asha, your Pro subscription renews on " + today.plusDays(2)
                                                   + " for 999.00 INR. Change the plan or cancel before then if "
                                                   + "you wish.");

        events.publish(new SubscriptionEnded(lapsing, id(manager), PlanId.random(), SubscriptionStatus.EXPIRED,
                                             today.plusDays(1), false));
        events.publish(new SubscriptionCancelled(renewing, id(owner), "too dear", false, today, Money.of("0", "INR"),
                                                 id(owner)));
        events.publish(new SubscriptionEnded(renewing, id(owner), PlanId.random(), SubscriptionStatus.CANCELLED,
                                             today, false));
        assertThat(mailTo(manager).subject()).isEqualTo("Your Basic subscription has expired");
        assertThat(mailTo(manager).body()).startsWith("Hello Asha, your Basic subscription expired on "
                                                      + today.plusDays(1) + ". Your account is on the free tier");
        // The renewing one was told once; its cancellation, asked for, is not announced.
        renewingCheck.run(LocalDate.now(clock));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
               .until(() -> mails(owner).size() == 1 && mails(manager).size() == 1);
    }

    @Test
    void aCommandRefusedForThePlansLimitTellsTheAccountOnceADay() {
        ApiClient admin = api.withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
        ApiClient asOwner = api.withToken(TestTokens.mint(owner.id(), "owner"));
        Plans.subscribeToNewPlan(admin, asOwner, "[{\"feature\": \"properties\", \"usageLimit\": 1}, "
                                                 + "{\"feature\": \"units\"}]");
        assertThat(asOwner.post("/api/properties", PropertyBodies.apartment(null, null, "First", "20000")).status())
                .isEqualTo(201);
        for (String title : List.of("Second", "Third")) {
            Response refused = asOwner.post("/api/properties", PropertyBodies.apartment(null, null, title, "20000"));
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        }

        assertThat(mailTo(owner).subject()).isEqualTo("You reached your plan's limit of properties");
        assertThat(mailTo(owner).body()).isEqualTo("Hello Asha, your plan allows 1 of properties, so the last change "
                                                   + "that needed more was refused. Choose a bigger plan to go on.");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> mails(owner).size() == 1);
        assertThat(inAppEvents(owner)).isEqualTo(1);
    }

    private LeaseProposed proposed(LeaseId lease, User by, LocalDate end) {
        return proposed(lease, by, end, 0);
    }

    private LeaseProposed proposed(LeaseId lease, User by, LocalDate end, int graceDays) {
        LocalDate start = LocalDate.now();
        LateFeeRule lateFee = graceDays == 0 ? null
                : new LateFeeRule(LateFeeKind.FLAT, Money.of("500", "INR"), null, null, graceDays);
        LeaseTerms terms = new LeaseTerms(start, end, 30, true, false, Money.of("25000", "INR"),
                                          Money.of("50000", "INR"), Money.of("0", "INR"), Money.of("0", "INR"),
                                          new BigDecimal("5.00"), null, AgreementType.STANDARD, List.of(), null,
                                          lateFee);
        return new LeaseProposed(lease, PropertyId.random(), UnitId.random(), id(owner), null, id(manager),
                                 List.of(id(tenant)), id(tenant), terms, id(by));
    }

    private static RentChargeScheduled charge(LeaseId lease, int number, LocalDate due, String amount) {
        Money rent = Money.of(amount, "INR");
        Money none = Money.of("0", "INR");
        return new RentChargeScheduled(lease, PropertyId.random(), number, due, due.plusMonths(1).minusDays(1), due,
                                       rent, none, none, rent);
    }

    private PaymentRecorded paid(LeaseId lease, String amount) {
        return new PaymentRecorded(lease, UUID.randomUUID(), PropertyId.random(), Money.of(amount, "INR"),
                                   PaymentMethod.UPI, Instant.now().minusSeconds(60), null, null, null, id(tenant));
    }

    private static SubscriptionStarted started(SubscriptionId subscription, User account, String plan, LocalDate end,
                                               boolean autoRenew) {
        return new SubscriptionStarted(subscription, id(account), PlanId.random(), plan, PaymentFrequency.MONTHLY, 1,
                                       Money.of("999", "INR"), SubscriptionStatus.ACTIVE, end.minusMonths(1), end,
                                       autoRenew, id(account));
    }

    private static LeaseApproved approved(LeaseId lease, LeaseApprovalStatus status) {
        return new LeaseApproved(lease, PropertyId.random(), UnitId.random(), LeaseParty.TENANT, UserId.random(),
                                 status, LeaseStatus.PENDING_APPROVAL);
    }

    private static VerificationReport report() {
        return new VerificationReport(8, List.of(), List.of(), List.of(), null, null, List.of());
    }

    private static UserId id(User user) {
        return new UserId(user.id());
    }

    private static List<ReceivedMail> mails(User user) {
        return EmbeddedMail.shared().messagesTo(user.email()).stream()
                           .filter(m -> !m.subject().contains("code")).toList();
    }

    /** The mail to {@code user} with {@code subject}: mail sent at once may arrive in any order. */
    private static ReceivedMail mailTo(User user, String subject) {
        return mails(user).stream().filter(mail -> mail.subject().equals(subject)).findFirst()
                          .orElseThrow(() -> new AssertionError("no mail \"" + subject + "\" among " + mails(user)));
    }

    private static ReceivedMail mailTo(User user) {
        return await().atMost(PATIENCE).until(() -> mails(user), m -> !m.isEmpty()).get(0);
    }

    private boolean recipientKnown(User user) {
        return jdbc.queryForObject("SELECT count(*) FROM notification_recipient WHERE user_id = ?", Long.class,
                                   user.id()) == 1;
    }

    private long issued(User user) {
        return jdbc.queryForObject("SELECT count(*) FROM notification_issued WHERE user_id = ?", Long.class,
                                   user.id());
    }

    /** This test's users' rows: the scheduled checks may add others' meanwhile. */
    private long ownRows() {
        return jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE user_id IN (?, ?, ?)", Long.class,
                                   owner.id(), tenant.id(), manager.id());
    }

    private long moneyRows(LeaseId lease) {
        return jdbc.queryForObject("SELECT count(*) FROM notification_lease_money WHERE lease_id = ?", Long.class,
                                   lease.value());
    }

    private long subscriptionsKnown(User user) {
        return jdbc.queryForObject("SELECT count(*) FROM notification_subscription WHERE account_id = ?", Long.class,
                                   user.id());
    }

    private long outboxRows(User user) {
        return jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE user_id = ? "
                                   + "AND template NOT LIKE 'otp%'", Long.class, user.id());
    }

    private long inAppEvents(User user) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                WHERE payload_type = 'io.alter8.api.notification.NotificationIssued'
                  AND convert_from(payload, 'UTF8') LIKE ?""", Long.class, "%" + user.id() + "%");
    }
}
