/**
 * The outbox relay: delivers the {@link id.lapor.core.notification.OutboxMessage}s the store keeps, at least
 * once, through the {@link id.lapor.core.notification.Courier}s of the adapters. Apart from
 * {@code notification} because it reads the {@link id.lapor.core.port.Outbox} port, which itself names
 * notification values: putting it there would tie the two packages in a cycle.
 */
package id.lapor.core.relay;
