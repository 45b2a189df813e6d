package io.sextant.platform.tenancy;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The configured regions, by region code (e.g. {@code eu-central}). */
@ConfigurationProperties("sextant")
public record RegionsProperties(@Nullable Map<String, RegionSettings> regions) {

    public Map<String, RegionSettings> byCode() {
        return regions == null ? Map.of() : new TreeMap<>(regions);
    }
}
