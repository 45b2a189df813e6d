/** The platform's own health: database server, applied migrations and the size of what it holds. */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Platform status")
package io.sextant.platform.status;

import org.jspecify.annotations.NullMarked;
