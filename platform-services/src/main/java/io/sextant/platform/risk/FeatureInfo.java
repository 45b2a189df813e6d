package io.sextant.platform.risk;

/**
 * A feature a model may use: its name, the version of its definition (part of every model
 * version's hash), whether it reads history, the unit of its value and what it measures.
 */
public record FeatureInfo(String name, int version, FeatureStage stage, String unit, String description) {
}
