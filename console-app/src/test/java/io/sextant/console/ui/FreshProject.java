package io.sextant.console.ui;

import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.PolicyPack;
import io.sextant.platform.tenancy.ProjectSpec;
import io.sextant.platform.tenancy.ProvisioningListener;
import io.sextant.platform.tenancy.ProvisioningService;
import java.util.Set;
import java.util.UUID;

/** A project of a test's own (an organisation of its own, shared tables in eu-central), so the demo's state is not shared. Needs an Operator. */
public final class FreshProject {

    private FreshProject() {
    }

    public static UUID provision(OrganizationService organizations, ProvisioningService provisioning, String prefix) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        organizations.create(slug, "Test " + slug, "team");
        return provisioning.apply(new ProjectSpec(slug, "app", "App", "eu-central", IsolationModel.SHARED, Set.of(), PolicyPack.BASELINE),
                UUID.randomUUID().toString(), ProvisioningListener.NONE).projectId();
    }
}
