package id.lapor.core.lifecycle;

import id.lapor.core.complaint.ArchiveReason;
import id.lapor.core.complaint.AttachmentRef;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.Location;
import id.lapor.core.complaint.Priority;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.complaint.Weight;
import id.lapor.core.directory.UnitId;
import id.lapor.core.sla.EscalationAction;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Something an actor asks to do to a complaint. Which commands are legal in which state, and for which
 * roles, is decided by the {@link Transitions} table alone. Texts are bounded; a command that breaks a
 * constraint is refused as invalid before anything is decided or stored.
 */
public sealed interface Command {
    int MAX_TEXT = 10_000;
    int MAX_REASON = 2_000;
    String TAG = "[\\p{L}\\p{N}][\\p{L}\\p{N} -]{0,39}";
    String TAG_RULE = "must be 1-40 letters, digits, spaces or dashes";

    CommandKind type();

    /**
     * A new report. {@code channelMessageId} is the channel's own id of the message that carried it
     * (Kannel's message id, an HTTP {@code Idempotency-Key}): a second submission with the same
     * channel and id returns the complaint already created. {@code category} and
     * {@code targetInstitution} may be null: the reporter may not know. A null priority is NORMAL.
     */
    record Submit(
            @NotNull Kind kind,
            @NotNull Channel channel,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = MAX_TEXT) String body,
            @PastOrPresent LocalDate incidentDate,
            @NotNull @Valid Location location,
            CategoryId category,
            @Size(max = 20) Set<@NotNull @Pattern(regexp = TAG, message = TAG_RULE) String> tags,
            @Size(max = 20) List<@NotNull @Valid AttachmentRef> attachments,
            @NotNull @Valid Reporter reporter,
            boolean anonymous,
            boolean confidential,
            UnitId targetInstitution,
            Priority priority,
            @Size(max = 200) String channelMessageId) implements Command {
        @Override
        public CommandKind type() {
            return CommandKind.SUBMIT;
        }
    }

    /**
     * Verify a new report and dispatch it to the institution or unit that will answer it. The verifier
     * may correct the kind, title, category and tags and set the anonymous and confidential flags;
     * a null field keeps the reporter's value. A null unit takes the unit the routing rules chose.
     */
    record Verify(
            UnitId unit,
            @NotNull Weight weight,
            Kind kind,
            @Size(min = 1, max = 200) String title,
            CategoryId category,
            @Size(max = 20) Set<@NotNull @Pattern(regexp = TAG, message = TAG_RULE) String> tags,
            Boolean anonymous,
            Boolean confidential) implements Command {
        public static Verify to(UnitId unit, Weight weight) {
            return new Verify(unit, weight, null, null, null, null, null, null);
        }

        @Override
        public CommandKind type() {
            return CommandKind.VERIFY;
        }
    }

    /** Put on hold while waiting for the reporter (tunda); the SLA clock pauses. */
    record Hold(@NotBlank @Size(max = MAX_REASON) String reason) implements Command {
        @Override
        public CommandKind type() {
            return CommandKind.HOLD;
        }
    }

    /** Resume a held complaint; it returns to the state it was held from. */
    record Resume(@Size(max = MAX_REASON) String note) implements Command {
        @Override
        public CommandKind type() {
            return CommandKind.RESUME;
        }
    }

    /** Not our authority (bukan wewenang): back to routing, the reason kept. */
    record NotOurAuthority(@NotBlank @Size(max = MAX_REASON) String reason) implements Command {
        @Override
        public CommandKind type() {
            return CommandKind.NOT_OUR_AUTHORITY;
        }
    }

    record Archive(@NotNull ArchiveReason reason, @Size(max = MAX_REASON) String note) implements Command {
        @Override
        public CommandKind type() {
            return CommandKind.ARCHIVE;
        }
    }

    /** Forward to a unit below the one now responsible. */
    record Forward(@NotNull UnitId unit, @Size(max = MAX_REASON) String note) implements Command {
        @Override
        public CommandKind type() {
            return CommandKind.FORWARD;
        }
    }

    /** Give the complaint to another unit (a verifier anywhere in scope, a supervisor below itself). */
    record Reassign(@NotNull UnitId unit, @NotBlank @Size(max = MAX_REASON) String reason) implements Command {
        @Override
        public CommandKind type() {
            return CommandKind.REASSIGN;
        }
    }

    /** The unit's answer (tindak lanjut). From an operator of a unit that requires approval, it waits for the liaison officer. */
    record PostFollowUp(@NotBlank @Size(max = MAX_TEXT) String text) implements Command {
        @Override
        public CommandKind type() {
            return CommandKind.POST_FOLLOW_UP;
        }
    }

    record ApproveFollowUp() implements Command {
        @Override
        public CommandKind type() {
            return CommandKind.APPROVE_FOLLOW_UP;
        }
    }

    /** The liaison officer sends a drafted follow-up back to the unit. */
    record ReturnFollowUp(@NotBlank @Size(max = MAX_REASON) String reason) implements Command {
        @Override
        public CommandKind type() {
            return CommandKind.RETURN_FOLLOW_UP;
        }
    }

    /**
     * The reporter writes: information for a held complaint (which resumes it), a comment on an open
     * one, or a reply to a follow-up (which reopens it). {@code channelMessageId}, with its {@code channel},
     * is the channel's own id of the message that carried the reply (Kannel's for an SMS), or null: a reply
     * delivered again with the same id, by a gateway's retry to this node or to another, even after a
     * restart, is taken once (Lapor answers the first reply again).
     *
     * @throws IllegalArgumentException when a message id comes without its channel
     */
    record Reply(@NotBlank @Size(max = MAX_TEXT) String text, Channel channel, @Size(max = 200) String channelMessageId)
            implements Command {
        public Reply {
            if (channelMessageId != null && channel == null) {
                throw new IllegalArgumentException("a reply's channel message id " + channelMessageId + " needs its channel");
            }
        }

        /** A reply without a channel message id, as typed on a page. */
        public Reply(String text) {
            this(text, null, null);
        }

        @Override
        public CommandKind type() {
            return CommandKind.REPLY;
        }
    }

    /** The reporter rates the answer, once. */
    record Rate(@Min(1) @Max(5) int score, @Size(max = MAX_REASON) String comment) implements Command {
        @Override
        public CommandKind type() {
            return CommandKind.RATE;
        }
    }

    record Complete(@Size(max = MAX_REASON) String note) implements Command {
        @Override
        public CommandKind type() {
            return CommandKind.COMPLETE;
        }
    }

    /**
     * Escalate: an event, not a state. {@code rule} names the escalation rule that fired (null when a
     * supervisor escalates by hand); the actions say what else happens.
     */
    record Escalate(
            @Min(1) @Max(99) int level,
            @NotBlank @Size(max = MAX_REASON) String reason,
            @Size(max = 200) String rule,
            @NotNull Set<@NotNull EscalationAction> actions) implements Command {
        @Override
        public CommandKind type() {
            return CommandKind.ESCALATE;
        }
    }
}
