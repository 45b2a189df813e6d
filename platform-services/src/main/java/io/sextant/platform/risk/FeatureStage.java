package io.sextant.platform.risk;

/** Cheap features read the request alone; expensive ones read the principal's recorded history. */
public enum FeatureStage {
    CHEAP, EXPENSIVE;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
