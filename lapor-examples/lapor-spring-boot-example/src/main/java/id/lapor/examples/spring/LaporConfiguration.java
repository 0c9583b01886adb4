package id.lapor.examples.spring;

import id.lapor.core.Lapor;
import id.lapor.core.calendar.CalendarBook;
import id.lapor.core.notification.AddressBook;
import id.lapor.core.policy.Policy;
import id.lapor.core.policy.PolicyBook;
import id.lapor.core.relay.OutboxRelay;
import id.lapor.core.timing.DueWorkDriver;
import id.lapor.core.tracking.KeyedTrackingNumbers;
import id.lapor.http.ApiKeyCallerResolver;
import id.lapor.http.CallerResolver;
import id.lapor.http.OfficerApiServlet;
import id.lapor.http.Open311Servlet;
import id.lapor.policy.jackson.PolicyReader;
import id.lapor.policy.jackson.PolicyResources;
import id.lapor.store.jdbc.JdbcComplaintStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * lapor's components as beans, wired explicitly through their builders (no scanning inside lapor): the default
 * SP4N-LAPOR policy of Kota Palangka Raya, a {@link JdbcComplaintStore} on Spring's {@link DataSource} (its Flyway
 * migrations run at start, history table {@code lapor_schema_history}), {@link Lapor}, and the two servlets
 * registered with {@link ServletRegistrationBean}.
 */
@Configuration(proxyBeanMethods = false)
class LaporConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CalendarBook calendars() {
        return PolicyResources.defaultCalendars();
    }

    @Bean
    Policy policy(CalendarBook calendars) {
        return new PolicyReader(calendars).readDefault();
    }

    /** The store on the application's pool; closing it leaves the pool to Spring. */
    @Bean(destroyMethod = "close")
    JdbcComplaintStore complaintStore(DataSource dataSource) {
        return JdbcComplaintStore.builder(dataSource).migrate(true).build();
    }

    @Bean
    Lapor lapor(Clock clock, JdbcComplaintStore store, Policy policy, CalendarBook calendars,
                @Value("${lapor.tracking-key}") String trackingKey) {
        return Lapor.builder()
                .clock(clock)
                .store(store)
                .trackingNumbers(new KeyedTrackingNumbers(trackingKey.getBytes(StandardCharsets.UTF_8), store::nextSequence))
                .directory(policy.directory())
                .categories(policy.categories())
                .calendars(calendars)
                .policies(PolicyBook.of(policy))
                .build();
    }

    /** Officers from {@code lapor.http.api-key.<officer id> = <sha256 hex>,<ROLE>,<unit id>} in any property source. */
    @Bean
    CallerResolver callers(Environment environment) {
        Map<String, String> keys = Binder.get(environment)
                .bind("lapor.http.api-key", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        Properties p = new Properties();
        keys.forEach((id, value) -> p.setProperty(ApiKeyCallerResolver.PROPERTY_PREFIX + id, value));
        return ApiKeyCallerResolver.fromProperties(p);
    }

    @Bean
    ServletRegistrationBean<Open311Servlet> open311(Lapor lapor, JdbcComplaintStore store,
                                                   @Value("${lapor.open311.client-key-hash}") String clientKeyHash,
                                                   @Value("${lapor.open311.default-region:62.71}") String region) {
        Open311Servlet servlet = Open311Servlet.builder()
                .lapor(lapor).search(store)
                .clientKeyHash(clientKeyHash)
                .defaultRegion(region)
                .build();
        ServletRegistrationBean<Open311Servlet> registration = new ServletRegistrationBean<>(servlet, "/open311/v2/*");
        registration.setName("open311");
        return registration;
    }

    @Bean
    ServletRegistrationBean<OfficerApiServlet> officerApi(Lapor lapor, JdbcComplaintStore store, CallerResolver callers) {
        OfficerApiServlet servlet = OfficerApiServlet.builder()
                .lapor(lapor).search(store).histories(store::history)
                .callers(callers)
                .build();
        ServletRegistrationBean<OfficerApiServlet> registration = new ServletRegistrationBean<>(servlet, "/api/v1/*");
        registration.setName("officerApi");
        return registration;
    }

    @Bean
    DueWorkDriver dueWork(Lapor lapor, JdbcComplaintStore store) {
        return new DueWorkDriver(lapor, store);
    }

    /** Notifications are only logged here; plug in lapor-notify-mail, -webhook or lapor-sms-kannel couriers to send them. */
    @Bean
    OutboxRelay outboxRelay(Clock clock, JdbcComplaintStore store) {
        return OutboxRelay.builder()
                .clock(clock).outbox(store).complaints(store)
                .addressBook(AddressBook.none())
                .courier(new LoggingCourier(id.lapor.core.notification.Medium.SMS))
                .courier(new LoggingCourier(id.lapor.core.notification.Medium.EMAIL))
                .build();
    }
}
