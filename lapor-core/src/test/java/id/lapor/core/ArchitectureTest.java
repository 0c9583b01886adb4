package id.lapor.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The core stays a core: no adapter's libraries, no wall clock, no cycles between its packages. */
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.lapor.core");

    @Test
    @DisplayName("the core uses no JDBC, JSON, servlet, HTTP or framework classes")
    void noAdapterLibraries() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "java.sql..", "javax.sql..", "tools.jackson..", "com.fasterxml..", "jakarta.servlet..", "javax.servlet..",
                "org.eclipse.jetty..", "org.springframework..", "org.flywaydb..", "com.zaxxer..", "picocli..",
                "io.micrometer..", "java.net.http..")
                .check(CORE);
    }

    @Test
    @DisplayName("the core never reads the wall clock: time comes from an injected java.time.Clock")
    void noWallClock() {
        noClasses().should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .check(CORE);
    }

    @Test
    @DisplayName("the core's packages have no dependency cycles")
    void noCycles() {
        SlicesRuleDefinition.slices().matching("id.lapor.core.(*)..").should().beFreeOfCycles().check(CORE);
    }
}
