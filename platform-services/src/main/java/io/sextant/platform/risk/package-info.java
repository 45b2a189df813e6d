/**
 * Risk scores: versioned, deterministic additive models over features of a request and of its
 * principal's recorded history, with a fast prefilter that skips the history reads when a request
 * cannot reach the model's threshold (D010, docs/risk-models.md).
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Risk scores")
package io.sextant.platform.risk;

import org.jspecify.annotations.NullMarked;
