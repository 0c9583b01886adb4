package id.lapor.core.lifecycle;

/** Where a transition leads. Most lead to a fixed state; three depend on the complaint. */
public sealed interface Destination {
    /** A fixed state. */
    record To(State state) implements Destination {
        @Override
        public String toString() {
            return state.name();
        }
    }

    /** The state does not change (a comment, a rating, an escalation, a forward). */
    record Stay() implements Destination {
        @Override
        public String toString() {
            return "(same)";
        }
    }

    /** Back to the state the complaint was held from. */
    record HeldFrom() implements Destination {
        @Override
        public String toString() {
            return "(held from)";
        }
    }

    /** AWAITING_APPROVAL when the responsible unit requires approval of follow-ups, else FOLLOWED_UP. */
    record ApprovalGate() implements Destination {
        @Override
        public String toString() {
            return "AWAITING_APPROVAL or FOLLOWED_UP";
        }
    }

    static Destination to(State s) {
        return new To(s);
    }
}
