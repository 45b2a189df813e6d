/** Organisations and their projects (tenants): plans, regions, isolation and lifecycle. */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Tenancy")
package io.sextant.platform.tenancy;

import org.jspecify.annotations.NullMarked;
