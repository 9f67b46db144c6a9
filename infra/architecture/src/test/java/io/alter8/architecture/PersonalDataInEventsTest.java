package io.alter8.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import io.alter8.api.common.EmailAddress;
import io.alter8.api.common.PhoneNumber;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No event carries a person's name, e-mail address, phone or date of birth readable: a field named like one, at any
 * depth of an event, is an {@code EncryptedValue} (under the person's data key, so erasing them erases it), or is
 * listed below with the reason it names no person. Events are found as the stored-event checks find them, so a new
 * event, or a new field in an old one, is checked without anyone remembering to.
 */
@AnalyzeClasses(packages = "io.alter8", importOptions = ImportOption.DoNotIncludeTests.class)
class PersonalDataInEventsTest {

    private static final Pattern PERSONAL = Pattern.compile(
            "(?i).*(name|e-?mail|phone|mobile|birth|dob).*");
    private static final Set<Class<?>> READABLE = Set.of(String.class, EmailAddress.class, PhoneNumber.class,
                                                         LocalDate.class);

    /** Fields named like personal data that are not a person's, and why. */
    private static final Map<String, String> NOT_A_PERSON = Map.ofEntries(
            Map.entry("StoredFile.fileName", "a file's name as uploaded; documents about a person are sealed"),
            Map.entry("PropertyLocation.areaName", "a locality of the master data"),
            Map.entry("OwnerProfile.companyName", "a business"),
            Map.entry("BankAccount.bankName", "a bank"),
            Map.entry("AgentProfile.agencyName", "a business"),
            Map.entry("TenantProfile.employerName", "a business"),
            Map.entry("FeatureDefined.name", "a feature of a plan"),
            Map.entry("PlanTerms.name", "a plan"),
            Map.entry("SubscriptionStarted.planName", "a plan"),
            Map.entry("SubscriptionChanged.planName", "a plan"),
            Map.entry("SubscriptionReactivated.planName", "a plan"),
            Map.entry("PlanRecommended.recommendedPlanName", "a plan"));

    @ArchTest
    static void everyNameContactAndBirthDateInAnEventIsEncrypted(JavaClasses classes) throws Exception {
        Set<String> readable = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        for (String name : StoredEventTypesTest.eventTypes(classes).keySet()) {
            collect(Class.forName(name), readable, seen);
        }
        assertThat(seen).as("events found").isNotEmpty();
        assertThat(readable).as("fields named like a person's name, contact or birth date, readable in events: "
                                        + "make them EncryptedValue (a new @Revision and an upcaster), or list why "
                                        + "they name no person").isEmpty();
        assertThat(NOT_A_PERSON.keySet()).as("listed fields that no event has any more").isSubsetOf(seen);
    }

    /** Walks the record's components and the project's records inside them, noting what is readable and personal. */
    private static void collect(Class<?> type, Set<String> readable, Set<String> seen) {
        if (!type.isRecord()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String field = type.getSimpleName() + "." + component.getName();
            seen.add(field);
            List<Class<?>> types = new ArrayList<>();
            types.add(component.getType());
            if (component.getGenericType() instanceof ParameterizedType generic) {
                for (Type argument : generic.getActualTypeArguments()) {
                    if (argument instanceof Class<?> c) {
                        types.add(c);
                    }
                }
            }
            for (Class<?> t : types) {
                if (READABLE.contains(t) && PERSONAL.matcher(component.getName()).matches()
                        && !NOT_A_PERSON.containsKey(field)) {
                    readable.add(field + " (" + t.getSimpleName() + ")");
                }
                if (t.getName().startsWith("io.alter8.") && t != type) {
                    collect(t, readable, seen);
                }
            }
        }
    }
}
