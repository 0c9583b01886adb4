package id.lapor.core.view;

import id.lapor.core.access.Role;
import id.lapor.core.lifecycle.State;
import java.time.Instant;
import java.util.Optional;

/**
 * One step of a complaint's history as a role may read it: what happened ({@code type} is the event's
 * name, e.g. {@code Verified}), when, by which role, the state it left, and a text where the role may
 * read one. An event's effects (routing, the SLA clock's changes) are entries of their own by the
 * system, with the event's version: a version may appear more than once.
 */
public record HistoryEntry(long version, Instant at, Role actorRole, String type, State state, Optional<String> text) {
}
