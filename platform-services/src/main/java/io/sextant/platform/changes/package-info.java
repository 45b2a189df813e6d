/** The migration review board: schema changes are linted, checked and approved before they are applied. */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Changes")
package io.sextant.platform.changes;

import org.jspecify.annotations.NullMarked;
