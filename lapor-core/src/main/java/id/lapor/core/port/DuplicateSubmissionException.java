package id.lapor.core.port;

import id.lapor.core.LaporException;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.TrackingNumber;

/** A channel delivered the same message twice; the complaint it created first is {@link #existing()}. */
public class DuplicateSubmissionException extends LaporException {
    private final transient TrackingNumber existing;

    public DuplicateSubmissionException(Channel channel, String messageId, TrackingNumber existing) {
        super(channel + " message " + messageId + " already created complaint " + existing);
        this.existing = existing;
    }

    public TrackingNumber existing() {
        return existing;
    }
}
