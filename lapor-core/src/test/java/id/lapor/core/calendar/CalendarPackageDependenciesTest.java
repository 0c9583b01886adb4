package id.lapor.core.calendar;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.temporal.Temporal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The calendar package")
class CalendarPackageDependenciesTest {
    private static final JavaClasses CALENDAR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.lapor.core.calendar");

    @Test
    @DisplayName("depends on the JDK, SLF4J and the core's root exceptions only")
    void dependencies() {
        noClasses().that().resideInAPackage("id.lapor.core.calendar..")
                .should().dependOnClassesThat()
                .resideOutsideOfPackages("java..", "org.slf4j..", "id.lapor.core", "id.lapor.core.calendar..")
                .check(CALENDAR);
    }

    @Test
    @DisplayName("never reads the wall clock")
    void noWallClock() {
        DescribedPredicate<JavaClass> timeTypes = DescribedPredicate.describe("a java.time type or Clock",
                c -> c.isAssignableTo(Temporal.class) || c.isAssignableTo(Clock.class));
        noClasses().should().callMethodWhere(target(name("now")).and(target(owner(timeTypes))))
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .check(CALENDAR);
    }
}
