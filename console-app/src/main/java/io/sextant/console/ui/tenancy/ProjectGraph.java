package io.sextant.console.ui.tenancy;

import io.sextant.console.ui.ChartOptions;
import io.sextant.console.ui.ChartOptions.Edge;
import io.sextant.console.ui.ChartOptions.Node;
import io.sextant.platform.tenancy.ProjectInventory;
import java.util.ArrayList;
import java.util.List;

/** Turns a project's inventory into the nodes and edges of its graph. */
final class ProjectGraph {

    static final List<String> CATEGORIES = List.of("Project", "Organisation", "Region", "Access", "Storage", "Table", "Policy");

    private ProjectGraph() {
    }

    record Graph(List<Node> nodes, List<Edge> edges) {
        String option() {
            return ChartOptions.graph(CATEGORIES, nodes, edges);
        }
    }

    static Graph of(ProjectInventory inv) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        var p = inv.project();
        nodes.add(new Node("project", p.name() + " (" + p.status() + ")", "Project",
                p.isolation().dbValue() + " isolation · policy pack " + p.policyPack().name().toLowerCase().replace('_', '-'), null, 46));
        nodes.add(new Node("org", inv.organizationSlug(), "Organisation", "plan " + inv.planCode(), "projects", 30));
        edges.add(new Edge("org", "project"));
        nodes.add(new Node("region", inv.regionDisplayName(), "Region", "server system identifier " + inv.systemIdentifier(), null, 30));
        edges.add(new Edge("project", "region"));
        if (inv.role() != null) {
            nodes.add(new Node("role", "role " + inv.role(), "Access", "login role; the tenant key is derived from it", null, 24));
            edges.add(new Edge("project", "role"));
        }
        for (var key : inv.apiKeys()) {
            String id = "key-" + key.kind();
            nodes.add(new Node(id, key.kind() + " key", "Access", key.prefix() + "… (hashed at rest)", null, 18));
            edges.add(new Edge("project", id));
        }
        nodes.add(new Node("storage", inv.storage(), "Storage", "in " + inv.regionDisplayName(), null, 28));
        edges.add(new Edge("region", "storage"));
        for (var table : inv.tables()) {
            String tid = "table-" + table.name();
            nodes.add(new Node(tid, table.name(), "Table", table.tenantRows() + " rows · RLS "
                    + (table.rlsEnabled() ? (table.rlsForced() ? "enabled, forced" : "enabled") : "OFF"), null, 22));
            edges.add(new Edge("storage", tid));
            if (!table.policies().isEmpty()) {
                // One node per table for its policies keeps the graph readable; the tooltip lists them.
                long restrictive = table.policies().stream().filter(x -> !x.permissive()).count();
                String pid = tid + "-policies";
                String names = table.policies().stream().map(x -> x.name() + " (" + x.command() + ")")
                        .collect(java.util.stream.Collectors.joining(", "));
                nodes.add(new Node(pid, table.policies().size() + " policies", "Policy",
                        (table.policies().size() - restrictive) + " permissive, " + restrictive + " restrictive: " + names, null, 16));
                edges.add(new Edge(tid, pid));
            }
            if (inv.role() != null) {
                edges.add(new Edge("role", tid));
            }
        }
        return new Graph(nodes, edges);
    }
}
