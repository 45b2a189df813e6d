package io.sextant.console.api;

import io.sextant.platform.tenancy.Organization;
import io.sextant.platform.tenancy.OrganizationService;
import io.sextant.platform.tenancy.Project;
import io.sextant.platform.tenancy.ProjectInventory;
import io.sextant.platform.tenancy.ProjectInventoryService;
import io.sextant.platform.tenancy.ProjectService;
import io.sextant.platform.tenancy.ResidencyReport;
import io.sextant.platform.tenancy.ResidencyService;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/orgs} and {@code /api/v1/projects}: organisations, their projects (tenants) and
 * the projects' lifecycle. Authorization is decided by the tenancy services on every call
 * (OPERATOR changes, SUPPORT reads); transitions are idempotent.
 */
@RestController
@RequestMapping("/api/v1")
class TenancyApi {

    private final OrganizationService organizations;
    private final ProjectService projects;
    private final ProjectInventoryService inventory;
    private final ResidencyService residency;

    TenancyApi(OrganizationService organizations, ProjectService projects, ProjectInventoryService inventory,
            ResidencyService residency) {
        this.organizations = organizations;
        this.projects = projects;
        this.inventory = inventory;
        this.residency = residency;
    }

    record NewOrganization(String slug, String name, String plan) {
    }

    @GetMapping("/orgs")
    List<Organization> organizations() {
        return organizations.list();
    }

    @PostMapping("/orgs")
    @ResponseStatus(HttpStatus.CREATED)
    Organization createOrganization(@RequestBody NewOrganization body) {
        return organizations.create(body.slug(), body.name(), body.plan());
    }

    @GetMapping("/orgs/{slug}/projects")
    List<Project> projectsOf(@PathVariable String slug) {
        Organization org = organizations.find(slug).orElseThrow(() -> new NoSuchElementException("No organisation " + slug));
        return projects.list(org.id());
    }

    @GetMapping("/projects/{id}")
    Project project(@PathVariable UUID id) {
        return projects.find(id).orElseThrow(() -> new NoSuchElementException("No project " + id));
    }

    @GetMapping("/projects/{id}/inventory")
    ProjectInventory projectInventory(@PathVariable UUID id) {
        return inventory.inventory(id);
    }

    @PostMapping("/projects/{id}/suspend")
    Project suspend(@PathVariable UUID id) {
        return projects.suspend(id);
    }

    @PostMapping("/projects/{id}/resume")
    Project resume(@PathVariable UUID id) {
        return projects.resume(id);
    }

    @PostMapping("/projects/{id}/delete")
    Project delete(@PathVariable UUID id) {
        return projects.delete(id);
    }

    @PostMapping("/projects/{id}/restore")
    Project restore(@PathVariable UUID id) {
        return projects.restore(id);
    }

    @PostMapping("/projects/{id}/residency-check")
    ResidencyReport residencyCheck(@PathVariable UUID id) {
        return residency.check(id);
    }
}
