/** The platform's capabilities, one Spring Modulith application module per sub-package. */
@NullMarked
package io.sextant.platform;

import org.jspecify.annotations.NullMarked;
