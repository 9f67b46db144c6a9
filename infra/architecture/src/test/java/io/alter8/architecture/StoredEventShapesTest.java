package io.alter8.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event class still has, at its revision, the shape its stored events were written in
 * ({@code stored-event-shapes.txt}): a change to a stored event's shape goes through a new revision and an upcaster.
 */
@AnalyzeClasses(packages = "io.alter8", importOptions = ImportOption.DoNotIncludeTests.class)
class StoredEventShapesTest {

    @ArchTest
    static void everyEventKeepsTheShapeOfItsStoredRevision(JavaClasses classes) {
        Map<String, String> current = new TreeMap<>();
        StoredEventTypesTest.eventTypes(classes).forEach((name, revision) -> current.put(
                name + " " + revision, StoredEventShapes.of(classes.get(name).reflect())));
        assertThat(current).isNotEmpty();
        assertThat(StoredEventShapes.committed().problems(current)).isEmpty();
    }
}
