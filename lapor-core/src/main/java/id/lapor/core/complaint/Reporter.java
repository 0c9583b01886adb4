package id.lapor.core.complaint;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Who reported: personal data to protect. Which roles may read it is decided by
 * {@link id.lapor.core.view.Views}; {@link #toString()} never prints it.
 *
 * <p>Every field may be null, but a reporter needs a phone or an e-mail to be told what happens.
 */
public record Reporter(
        @Size(max = 100) String name,
        @Pattern(regexp = "\\+?[0-9]{8,15}", message = "must be a phone number of 8 to 15 digits, optionally with a leading +") String phone,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = "[0-9]{16}", message = "must be a national ID number (NIK) of 16 digits") String nationalId) {

    public static Reporter of(String name, String phone, String email, String nationalId) {
        return new Reporter(name, phone, email, nationalId);
    }

    public static Reporter phoneOnly(String phone) {
        return new Reporter(null, phone, null, null);
    }

    @AssertTrue(message = "a reporter needs a phone or an e-mail address")
    private boolean isReachable() {
        return (phone != null && !phone.isBlank()) || (email != null && !email.isBlank());
    }

    @Override
    public String toString() {
        return "Reporter[redacted]";
    }
}
