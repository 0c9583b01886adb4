package id.lapor.examples.spring;

import id.lapor.core.notification.Courier;
import id.lapor.core.notification.Delivery;
import id.lapor.core.notification.Medium;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A courier that writes each delivery to the log (address masked) instead of sending it: the example has no gateway. */
final class LoggingCourier implements Courier {
    private static final Logger log = LoggerFactory.getLogger(LoggingCourier.class);
    private final Medium medium;

    LoggingCourier(Medium medium) {
        this.medium = medium;
    }

    @Override
    public Medium medium() {
        return medium;
    }

    @Override
    public void deliver(Delivery delivery) {
        log.info("{} to {}: {} [{}]", medium, delivery.address(), delivery.text().subject(), delivery.messageId());
    }
}
