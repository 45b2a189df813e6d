package io.sextant.console.ui;

import io.sextant.platform.tenancy.Organization;
import io.sextant.platform.tenancy.Project;
import io.sextant.platform.tenancy.ProjectService;
import io.sextant.platform.tenancy.OrganizationService;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tenants by name on a screen: a project's id becomes {@code organisation/project}, an
 * organisation's its slug, in any text shown to a person (a trace's values, an explanation, an
 * audit target). Ids it does not know stay as they are, so nothing is hidden; projects no longer
 * live are looked up once by id.
 */
public final class TenantNames {

    private static final Pattern UUID_TEXT = Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");

    private final ProjectService projects;
    private final Map<UUID, String> orgSlugs = new HashMap<>();
    private final Map<UUID, String> names = new HashMap<>();

    private TenantNames(ProjectService projects) {
        this.projects = projects;
    }

    /** The names the signed-in person may read (every console role lists organisations and projects). */
    public static TenantNames load(OrganizationService organizations, ProjectService projects) {
        TenantNames n = new TenantNames(projects);
        for (Organization o : organizations.list()) {
            n.orgSlugs.put(o.id(), o.slug());
            n.names.put(o.id(), o.slug());
            for (Project p : projects.list(o.id())) {
                n.names.put(p.id(), o.slug() + "/" + p.slug());
            }
        }
        return n;
    }

    /** Adds a name for an id that is no tenant of the platform (e.g. the test suites' "another tenant"). */
    public TenantNames with(UUID id, String name) {
        names.put(id, name);
        return this;
    }

    /** {@code nimbus-crm/crm-eu} for a project's id, the slug for an organisation's; the id itself if unknown. */
    public String name(UUID id) {
        String known = names.get(id);
        if (known != null) {
            return known;
        }
        String found = projects.find(id).map(p -> orgSlugs.getOrDefault(p.orgId(), "?") + "/" + p.slug() + " (" + p.status() + ")")
                .orElse(id.toString());
        names.put(id, found);
        return found;
    }

    /** {@code text} with every id of a known tenant replaced by its name. */
    public String named(String text) {
        Matcher m = UUID_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            UUID id = UUID.fromString(m.group());
            String known = names.get(id);
            m.appendReplacement(out, Matcher.quoteReplacement(known != null ? known : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** An audit event's target in words: {@code project nimbus-crm/crm-eu} rather than its id. */
    public String target(String type, String id) {
        if (id == null) {
            return type;
        }
        if (type.equals("project") || type.equals("organization")) {
            try {
                return type + " " + name(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                return type + " " + id;
            }
        }
        return type + " " + id;
    }
}
