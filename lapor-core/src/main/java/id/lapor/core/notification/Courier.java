package id.lapor.core.notification;

/**
 * Carries messages of one {@link Medium}: SMS through a gateway, e-mail through SMTP, a webhook POST.
 * Implemented by the adapters; the {@link id.lapor.core.relay.OutboxRelay} calls {@link #deliver} from its own thread.
 *
 * <p>A courier bounds its own time (connect and read timeouts), returns normally only when the receiving
 * side accepted the message, and throws otherwise: a {@link DeliveryException} (marked permanent when a
 * retry cannot help, e.g. a refused address) or any other runtime exception, which counts as transient.
 * The same message may be handed over more than once (at least once): receivers recognise it by
 * {@link Delivery#messageId()}. Error messages are stored with the outbox entry, so they must not contain
 * the address or the text.
 */
public interface Courier {

    Medium medium();

    void deliver(Delivery delivery);
}
