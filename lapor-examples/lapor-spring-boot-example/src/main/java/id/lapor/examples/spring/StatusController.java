package id.lapor.examples.spring;

import id.lapor.core.port.ComplaintFilter;
import id.lapor.store.jdbc.JdbcComplaintStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring MVC endpoint beside lapor's servlets, answered through Boot's own JSON support (Jackson 3): how many
 * complaints the store holds and which versions of the libraries Boot and lapor share are on the classpath.
 */
@RestController
class StatusController {
    private final JdbcComplaintStore store;

    StatusController(JdbcComplaintStore store) {
        this.store = store;
    }

    /** The body of {@code GET /lapor/status}. */
    record Status(long complaints, String jackson, String flyway, String hibernateValidator) {
    }

    @GetMapping("/lapor/status")
    Status status() {
        return new Status(store.count(ComplaintFilter.all()), Versions.of("tools.jackson.core", "jackson-databind"),
                Versions.of("org.flywaydb", "flyway-core"), Versions.of("org.hibernate.validator", "hibernate-validator"));
    }
}
