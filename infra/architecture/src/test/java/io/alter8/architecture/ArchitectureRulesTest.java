package io.alter8.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of {@link ArchitectureTest} fails on the sample's violations, and only on them. */
class ArchitectureRulesTest {

    private static final String SAMPLE = "io.alter8.architecture.sample";
    private static final ArchitectureRules RULES = new ArchitectureRules(SAMPLE);
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(SAMPLE);

    @Test
    void sharedApiMayCarryAxonAnnotationsButNoSpringAndNoOtherAxonType() {
        List<String> violations = violations(RULES.sharedApiIsPlain());

        assertThat(violations).anySatisfy(v -> assertThat(v).contains("SpringEvent").contains("StringUtils"))
                .anySatisfy(v -> assertThat(v).contains("AxonEvent").contains("MetaData"))
                .noneSatisfy(v -> assertThat(v).contains("PlainEvent"));
    }

    @Test
    void theQuerySideMayNotUseTheCommandSide() {
        assertThat(violations(RULES.querySideDoesNotUseCommandSide()))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v).contains("LeaseReader").contains("Lettings"));
        assertThat(violations(RULES.commandSideDoesNotUseQuerySide())).isEmpty();
    }

    @Test
    void aFeatureUsesAnotherOnlyThroughThePublicTypesOfItsTopPackage() {
        List<String> violations = violations(RULES.featuresUseOnlyEachOthersApi());

        assertThat(violations)
                .anySatisfy(v -> assertThat(v).contains("LeaseDecisions").contains("PropertyAggregate")
                        .contains("@Aggregate"))
                .anySatisfy(v -> assertThat(v).contains("LeaseDecisions").contains("RentRules")
                        .contains("subpackage"))
                .noneSatisfy(v -> assertThat(v).contains("PropertyPricing"))
                .noneSatisfy(v -> assertThat(v).contains("Lettings"));
    }

    private static List<String> violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(CLASSES);
        return result.getFailureReport().getDetails();
    }
}
