package io.sextant.platform.tenancy;

import io.sextant.platform.tenancy.internal.TableCatalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The tables that hold a tenant's rows, read from its server's catalogs on every call: export
 * before deletion, erasure, usage metering, residency and the inventory all go through here, so
 * a table added through the review board is exported, erased and counted like the starter kit's.
 * Shared model: every table of the region's {@code tenant_data} schema (only those with the tenant
 * key can be attributed to a tenant, and the board refuses any other). Dedicated model: every
 * table of every non-system schema of the tenant's own database. Reads catalogs as the region's
 * owner and no tenant's rows; callers hold a {@link Project}, so authorization happened where it
 * was loaded. See D007.
 */
// named: authz has an internal class of the same simple name (its own reader of column types)
@Component("tenancyTenantTables")
public class TenantTables {

    /** The shared model's schema in each region's platform database. */
    public static final String SHARED_SCHEMA = "tenant_data";

    private final RegionServers regions;

    TenantTables(RegionServers regions) {
        this.regions = regions;
    }

    /**
     * @throws RegionUnreachableException if the project's server does not answer
     * @throws IllegalStateException      if its catalogs cannot be read
     */
    public List<TenantTable> tablesOf(Project p) {
        boolean shared = p.isolation() == IsolationModel.SHARED;
        try (Connection c = shared ? regions.owner(p.region()) : regions.owner(p.region(), p.dbName())) {
            return tablesOf(c, p);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the tables of project " + p.slug() + " in region " + p.region() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The same, through a connection the caller already holds to the project's database (its
     * region's platform database, or its dedicated one), e.g. inside the transaction that erases
     * the tenant or the snapshot that exports it, so the list and the rows are read together.
     */
    public static List<TenantTable> tablesOf(Connection c, Project p) throws SQLException {
        return p.isolation() == IsolationModel.SHARED ? sharedTables(c) : TableCatalog.inDatabase(c);
    }

    /** The shared model's tables on whichever region server {@code c} is connected to (residency asks every region). */
    public static List<TenantTable> sharedTables(Connection c) throws SQLException {
        return TableCatalog.inSchema(c, SHARED_SCHEMA);
    }

    /**
     * The order in which rows can be deleted without breaking a foreign key: every table comes
     * before the tables it references (children first). Tables in a reference cycle come last, by
     * name; deleting them needs deferrable constraints.
     */
    public static List<TenantTable> deleteOrder(List<TenantTable> tables) {
        List<TenantTable> left = new ArrayList<>(tables);
        left.sort(Comparator.comparing(TenantTable::key));
        List<TenantTable> order = new ArrayList<>();
        boolean progress = true;
        while (!left.isEmpty() && progress) {
            progress = false;
            for (TenantTable t : List.copyOf(left)) {
                boolean referenced = left.stream().anyMatch(o -> o != t && o.references().contains(t.key()));
                if (!referenced) {
                    order.add(t);
                    left.remove(t);
                    progress = true;
                }
            }
        }
        order.addAll(left);
        return order;
    }
}
