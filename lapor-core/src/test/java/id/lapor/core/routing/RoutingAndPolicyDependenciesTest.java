package id.lapor.core.routing;

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

@DisplayName("The routing and policy packages")
class RoutingAndPolicyDependenciesTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.lapor.core.routing", "id.lapor.core.policy");

    @Test
    @DisplayName("depend on the JDK and the core only: no JSON, YAML or command-line library")
    void dependencies() {
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages("java..", "id.lapor.core..")
                .check(CLASSES);
    }

    @Test
    @DisplayName("routing does not depend on policies: a router takes rules and a catalogue")
    void routingBelowPolicy() {
        noClasses().that().resideInAPackage("id.lapor.core.routing..")
                .should().dependOnClassesThat().resideInAPackage("id.lapor.core.policy..")
                .check(CLASSES);
    }

    @Test
    @DisplayName("never read the wall clock")
    void noWallClock() {
        DescribedPredicate<JavaClass> timeTypes = DescribedPredicate.describe("a java.time type or Clock",
                c -> c.isAssignableTo(Temporal.class) || c.isAssignableTo(Clock.class));
        noClasses().should().callMethodWhere(target(name("now")).and(target(owner(timeTypes))))
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Clock.class, "systemUTC")
                .check(CLASSES);
    }
}
