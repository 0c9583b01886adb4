package id.lapor.http;

/**
 * Limits on what a request may carry; beyond them the request is refused with a 4xx naming the limit.
 *
 * @param maxBodyBytes the largest request body (413 beyond)
 * @param maxQueryChars the longest query string (414 beyond)
 * @param maxParameters the most parameters in a query string or form body
 * @param maxFieldChars the longest value of a short field (names, codes, addresses, e-mail)
 * @param maxDescriptionChars the longest Open311 {@code description} (the spec says 4,000 characters)
 * @param maxIdsPerQuery the most service_request_id values in one Open311 query
 * @param maxPageSize the largest page of a list
 */
public record HttpLimits(int maxBodyBytes, int maxQueryChars, int maxParameters, int maxFieldChars, int maxDescriptionChars,
                         int maxIdsPerQuery, int maxPageSize) {
    public HttpLimits {
        positive("maxBodyBytes", maxBodyBytes);
        positive("maxQueryChars", maxQueryChars);
        positive("maxParameters", maxParameters);
        positive("maxFieldChars", maxFieldChars);
        positive("maxDescriptionChars", maxDescriptionChars);
        positive("maxIdsPerQuery", maxIdsPerQuery);
        positive("maxPageSize", maxPageSize);
    }

    /**
     * 128 KiB bodies (a 10,000-character follow-up fits even fully escaped), 4,096-character queries,
     * 64 parameters, 500-character fields, 4,000-character descriptions, 100 ids a query, pages of 1,000.
     */
    public static HttpLimits defaults() {
        return new HttpLimits(128 * 1024, 4096, 64, 500, 4000, 100, 1000);
    }

    public HttpLimits withMaxBodyBytes(int bytes) {
        return new HttpLimits(bytes, maxQueryChars, maxParameters, maxFieldChars, maxDescriptionChars, maxIdsPerQuery, maxPageSize);
    }

    public HttpLimits withMaxPageSize(int size) {
        return new HttpLimits(maxBodyBytes, maxQueryChars, maxParameters, maxFieldChars, maxDescriptionChars, maxIdsPerQuery, size);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
