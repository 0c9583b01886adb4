package id.lapor.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * lapor inside a Spring Boot application: Open311 under {@code /open311/v2}, the officer API under {@code /api/v1},
 * the complaint store on the application's {@code DataSource}, SLA timers and the outbox on Spring's scheduler.
 * The wiring is {@link LaporConfiguration}; the settings are {@code application.properties}.
 */
@SpringBootApplication
@EnableScheduling
public class LaporSpringApplication {

    public static void main(String[] args) {
        SpringApplication.run(LaporSpringApplication.class, args);
    }
}
