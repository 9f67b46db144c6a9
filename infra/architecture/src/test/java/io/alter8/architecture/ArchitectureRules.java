package io.alter8.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules between Alter8's modules and features, for classes under a root package ({@code io.alter8} in the
 * build; a sample package in the rules' own test, so each rule is shown to fail on a violation).
 */
final class ArchitectureRules {

    /** Packages of the sides that hold no feature: shared plumbing every feature may use. */
    static final Set<String> TECHNICAL_PACKAGES = Set.of("config", "web", "validation", "jdbc", "cache", "processing");

    /** What a feature keeps to itself whatever its visibility: reached through messages or HTTP, never directly. */
    private static final Set<String> INTERNAL_ANNOTATIONS = Set.of(
            "org.axonframework.spring.stereotype.Aggregate",
            "org.axonframework.spring.stereotype.Saga",
            "org.axonframework.config.ProcessingGroup",
            "org.springframework.web.bind.annotation.RestController",
            "org.springframework.stereotype.Controller",
            "jakarta.persistence.Entity");
    private static final String SPRING_DATA_REPOSITORY = "org.springframework.data.repository.Repository";

    private final String root;
    private final Pattern feature;

    ArchitectureRules(String root) {
        this.root = root;
        this.feature = Pattern.compile(Pattern.quote(root) + "\\.(command|query)\\.([a-z0-9_]+)(\\..*)?");
    }

    /** The contract module is plain records: no Spring, no persistence, and of Axon only its annotations. */
    ArchRule sharedApiIsPlain() {
        return noClasses().that().resideInAPackage(root + ".api..")
                .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                                                                 "org.hibernate..", "org.springdoc..")
                        .or(resideInAPackage("org.axonframework..").and(notAnAnnotation())))
                .because("shared-api is the contract both sides and every client read; it holds plain records");
    }

    /** The sides meet only in shared-api and the event store; neither compiles against the other. */
    ArchRule querySideDoesNotUseCommandSide() {
        return noClasses().that().resideInAPackage(root + ".query..")
                .should().dependOnClassesThat().resideInAPackage(root + ".command..")
                .because("the query side learns of changes only from events (docs/architecture.md)");
    }

    ArchRule commandSideDoesNotUseQuerySide() {
        return noClasses().that().resideInAPackage(root + ".command..")
                .should().dependOnClassesThat().resideInAPackage(root + ".query..")
                .because("the command side decides from its own events and lookups, never from a read model");
    }

    /**
     * A feature is a package directly under a side ({@code command.property}, {@code query.lease}) other than the
     * technical ones. Its API is the public classes of its top package; its internals are everything in its
     * subpackages, anything not public, and its aggregates, sagas, processors, controllers and persistence classes,
     * whatever their visibility: other features reach those only through commands, events, queries or HTTP.
     */
    ArchRule featuresUseOnlyEachOthersApi() {
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<>("use another feature only through the public types of its top package") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        Optional<Feature> from = featureOf(origin);
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass();
                            Optional<Feature> to = featureOf(target);
                            if (to.isEmpty() || to.equals(from)) {
                                continue;
                            }
                            String why = internal(target, to.get());
                            if (why != null) {
                                events.add(SimpleConditionEvent.violated(
                                        dependency, dependency.getDescription() + ": " + why));
                            }
                        }
                    }
                });
    }

    private Optional<Feature> featureOf(JavaClass type) {
        Matcher matcher = feature.matcher(type.getPackageName());
        if (!matcher.matches() || TECHNICAL_PACKAGES.contains(matcher.group(2))) {
            return Optional.empty();
        }
        return Optional.of(new Feature(root + "." + matcher.group(1) + "." + matcher.group(2)));
    }

    /** Why {@code target} is internal to its feature, or null if it is the feature's API. */
    private static String internal(JavaClass target, Feature owner) {
        if (!target.getPackageName().equals(owner.topPackage())) {
            return "it lies in a subpackage of " + owner.topPackage();
        }
        if (!target.getModifiers().contains(JavaModifier.PUBLIC)) {
            return "it is not public";
        }
        for (String annotation : INTERNAL_ANNOTATIONS) {
            if (target.isAnnotatedWith(annotation)) {
                return "it is @" + annotation.substring(annotation.lastIndexOf('.') + 1) + ", internal to its feature";
            }
        }
        if (target.isAssignableTo(SPRING_DATA_REPOSITORY)) {
            return "it is a repository, internal to its feature";
        }
        return null;
    }

    private static DescribedPredicate<JavaClass> notAnAnnotation() {
        return DescribedPredicate.describe("are not annotations", type -> !type.isAnnotation());
    }

    private record Feature(String topPackage) {
    }
}
