package io.sextant.platform.tenancy.internal;

import io.sextant.platform.tenancy.Project;
import org.springframework.stereotype.Component;

/** Region-side effects of lifecycle transitions, for {@link io.sextant.platform.tenancy.ProjectService}. Internal. */
@Component
public class TenantLifecycle {

    private final TenantObjects objects;

    TenantLifecycle(TenantObjects objects) {
        this.objects = objects;
    }

    public void allowLogin(Project p, boolean allowed) {
        if (p.dbRole() != null) {
            objects.setLogin(p.region(), p.dbRole(), allowed);
        }
    }
}
