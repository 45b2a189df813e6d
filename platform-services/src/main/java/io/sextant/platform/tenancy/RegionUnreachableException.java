package io.sextant.platform.tenancy;

/** A region's PostgreSQL server did not answer; the message names the region and its redacted URL. */
public class RegionUnreachableException extends RuntimeException {

    private final String region;

    public RegionUnreachableException(String region, String redactedUrl, Throwable cause) {
        super("Region " + region + " is unreachable at " + redactedUrl + ": " + cause.getMessage()
                + ". Check that its PostgreSQL server runs and accepts the owner role.", cause);
        this.region = region;
    }

    public String region() {
        return region;
    }
}
