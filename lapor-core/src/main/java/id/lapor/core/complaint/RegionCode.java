package id.lapor.core.complaint;

import id.lapor.core.InvalidValueException;
import java.util.regex.Pattern;

/**
 * An Indonesian administrative region code written dotted: province (2 digits), regency 01-69 or city
 * 71-99 (2), district (2), village (4; a leading 1 is a kelurahan, 2 a desa). Any prefix of the full
 * form is a region too: {@code 62} is Central Kalimantan, {@code 62.71} Kota Palangka Raya,
 * {@code 62.71.01.1001} one village in it.
 */
public record RegionCode(String value) implements Comparable<RegionCode> {
    private static final Pattern FORM = Pattern.compile("\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?");

    public RegionCode {
        if (value == null) {
            throw new InvalidValueException("region code is required");
        }
        if (!FORM.matcher(value).matches()) {
            throw new InvalidValueException("region code '" + value
                    + "' is not of the form PP, PP.KK, PP.KK.DD or PP.KK.DD.VVVV (digits, dotted)");
        }
        String[] parts = value.split("\\.");
        int province = Integer.parseInt(parts[0]);
        if (province < 11) {
            throw new InvalidValueException("region code '" + value + "': province " + parts[0] + " does not exist (11-99)");
        }
        if (parts.length > 1) {
            int regency = Integer.parseInt(parts[1]);
            if (regency == 0 || (regency > 69 && regency < 71)) {
                throw new InvalidValueException("region code '" + value + "': " + parts[1]
                        + " is neither a regency (01-69) nor a city (71-99)");
            }
        }
        if (parts.length > 2 && Integer.parseInt(parts[2]) == 0) {
            throw new InvalidValueException("region code '" + value + "': district 00 does not exist");
        }
        if (parts.length > 3 && parts[3].charAt(0) != '1' && parts[3].charAt(0) != '2') {
            throw new InvalidValueException("region code '" + value + "': a village code starts with 1 (kelurahan) or 2 (desa)");
        }
    }

    public static RegionCode of(String value) {
        return new RegionCode(value);
    }

    /** 1 for a province, 2 for a regency or city, 3 for a district, 4 for a village. */
    public int depth() {
        return value.split("\\.").length;
    }

    /** True when this region is {@code other} or lies inside it ({@code 62.71.01} is within {@code 62.71}). */
    public boolean isWithin(RegionCode other) {
        return value.equals(other.value) || value.startsWith(other.value + ".");
    }

    @Override
    public int compareTo(RegionCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
