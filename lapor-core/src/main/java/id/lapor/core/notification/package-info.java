/**
 * Who is told what, and how it reaches them. The {@link id.lapor.core.notification.NotificationPolicy} turns
 * each event into {@link id.lapor.core.notification.OutboxMessage}s, stored with the event; the
 * {@link id.lapor.core.relay.OutboxRelay} delivers them afterwards, at least once, resolving each
 * {@link id.lapor.core.notification.Recipient} to {@link id.lapor.core.notification.Address}es and handing
 * them to one {@link id.lapor.core.notification.Courier} per {@link id.lapor.core.notification.Medium} (the
 * adapters: SMS through Kannel, e-mail, webhooks), with {@link id.lapor.core.notification.Backoff} between
 * attempts and parking when attempts run out. The texts are {@link id.lapor.core.notification.MessageTexts}.
 */
package id.lapor.core.notification;
