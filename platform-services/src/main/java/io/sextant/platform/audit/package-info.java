/** The hash-chained, verifiable audit log of every console action, with signed checkpoints kept outside the database. */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package io.sextant.platform.audit;

import org.jspecify.annotations.NullMarked;
