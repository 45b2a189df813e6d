/** Sextant's custom web components for the Vaadin console (charts, graphs). */
@NullMarked
package io.sextant.frontend;

import org.jspecify.annotations.NullMarked;
