package id.lapor.core.complaint;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Where the incident happened: a region code, optionally a point (WGS84) and an address text.
 * Latitude and longitude come together or not at all.
 */
public record Location(
        @NotNull RegionCode region,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Size(max = 500) String address) {

    public static Location of(RegionCode region) {
        return new Location(region, null, null, null);
    }

    public static Location of(String region) {
        return of(RegionCode.of(region));
    }

    @jakarta.validation.constraints.AssertTrue(message = "latitude and longitude must be given together")
    private boolean isPointComplete() {
        return (latitude == null) == (longitude == null);
    }
}
