/** The model parser and evaluator, the feature definitions and the jOOQ stores of the risk capability. */
@NullMarked
package io.sextant.platform.risk.internal;

import org.jspecify.annotations.NullMarked;
