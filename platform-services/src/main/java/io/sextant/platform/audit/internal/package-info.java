/** How the audit chain is written, checkpointed, verified and read; nothing here is API. */
@NullMarked
package io.sextant.platform.audit.internal;

import org.jspecify.annotations.NullMarked;
