package io.sextant.platform.risk.internal;

/**
 * Great-circle distance on a sphere of the Earth's mean radius, in whole metres, from millionths of
 * a degree. {@link StrictMath} (fdlibm) gives the same bits on every JVM, and the result is rounded
 * to a {@code long} before anything else uses it, so a distance is the same on any machine. The
 * spherical model is within ~0.5 % of the ellipsoid: plenty to tell a neighbour from another continent.
 */
final class Haversine {

    static final double EARTH_RADIUS_M = 6_371_008.8;
    private static final double RAD_PER_MICRODEGREE = StrictMath.PI / 180_000_000.0;

    private Haversine() {
    }

    static long metres(long lat1, long lon1, long lat2, long lon2) {
        double p1 = lat1 * RAD_PER_MICRODEGREE;
        double p2 = lat2 * RAD_PER_MICRODEGREE;
        double dp = (lat2 - lat1) * RAD_PER_MICRODEGREE;
        double dl = (lon2 - lon1) * RAD_PER_MICRODEGREE;
        double sdp = StrictMath.sin(dp / 2);
        double sdl = StrictMath.sin(dl / 2);
        double a = sdp * sdp + StrictMath.cos(p1) * StrictMath.cos(p2) * sdl * sdl;
        double c = 2 * StrictMath.asin(StrictMath.min(1.0, StrictMath.sqrt(a)));
        return StrictMath.round(EARTH_RADIUS_M * c);
    }
}
