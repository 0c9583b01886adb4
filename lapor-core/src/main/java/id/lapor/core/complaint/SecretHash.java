package id.lapor.core.complaint;

import id.lapor.core.LaporException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.random.RandomGenerator;

/**
 * The salted hash of a reporter's secret (a PIN, or the reporting phone for SMS); lapor keeps only
 * this, so a leaked database does not hand out the secrets. Encoded as {@code salt:hash} in Base64.
 */
public record SecretHash(String encoded) {
    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+");

    public SecretHash {
        if (encoded == null || !FORM.matcher(encoded).matches()) {
            throw new IllegalArgumentException("not an encoded secret hash");
        }
    }

    public static SecretHash of(String secret, RandomGenerator random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return new SecretHash(b64.encodeToString(salt) + ":" + b64.encodeToString(digest(salt, secret)));
    }

    /** Compares in constant time. A null secret never matches. */
    public boolean matches(String secret) {
        if (secret == null) {
            return false;
        }
        String[] parts = encoded.split(":");
        Base64.Decoder b64 = Base64.getDecoder();
        return MessageDigest.isEqual(b64.decode(parts[1]), digest(b64.decode(parts[0]), secret));
    }

    private static byte[] digest(byte[] salt, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new LaporException("SHA-256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "SecretHash[redacted]";
    }
}
