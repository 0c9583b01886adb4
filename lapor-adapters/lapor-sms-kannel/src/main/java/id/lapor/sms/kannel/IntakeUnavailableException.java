package id.lapor.sms.kannel;

import id.lapor.core.LaporException;

/** An SMS could not be handled now; the gateway should deliver it again (the servlet answers 503). */
public class IntakeUnavailableException extends LaporException {
    public IntakeUnavailableException(String message) {
        super(message);
    }

    public IntakeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
