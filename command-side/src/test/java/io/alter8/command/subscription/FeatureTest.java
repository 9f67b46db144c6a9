package io.alter8.command.subscription;

import io.alter8.api.common.FeatureId;
import io.alter8.api.common.UserId;
import io.alter8.api.subscription.DefineFeature;
import io.alter8.api.subscription.FeatureDefined;
import io.alter8.api.user.Actor;
import io.alter8.api.user.Role;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotPermitted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

/** Admins extend the feature catalog; a code is defined once, and never over the master data's. */
class FeatureTest {

    static final Actor ADMIN = new Actor(UserId.random(), Role.ADMIN);
    static final FeatureId ID = DefineFeature.idOf("priority_support");

    FixtureConfiguration<Feature> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Feature.class);
        fixture.registerInjectableResource((FeatureCatalog) Set.of("properties")::contains);
    }

    static DefineFeature define(String code, String name, Actor by) {
        return new DefineFeature(DefineFeature.idOf(code), code, name, null, "support", by);
    }

    @Test
    void anAdminAddsAFeatureOnceAndTheSameDefinitionAgainChangesNothing() {
        FeatureDefined defined = new FeatureDefined(ID, "priority_support", "Priority support", null, "support",
                                                    ADMIN.userId());
        fixture.givenNoPriorActivity()
               .when(define("priority_support", "Priority support", ADMIN))
               .expectEvents(defined);
        fixture.given(defined)
               .when(define("priority_support", "Priority support", ADMIN))
               .expectNoEvents();
        fixture.given(defined)
               .when(define("priority_support", "Support first", ADMIN))
               .expectNoEvents().expectException(DomainRuleViolation.class);
    }

    @Test
    void aCodeOfTheMasterDataIsTaken() {
        fixture.givenNoPriorActivity()
               .when(define("properties", "More properties", ADMIN))
               .expectNoEvents().expectExceptionMessage("the feature properties is in the catalog");
    }

    @Test
    void onlyAdminsExtendTheCatalog() {
        fixture.givenNoPriorActivity()
               .when(define("priority_support", "Priority support", new Actor(UserId.random(), Role.OWNER)))
               .expectNoEvents().expectException(NotPermitted.class);
    }
}
