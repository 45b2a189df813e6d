package io.sextant.bench.policy;

import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.value.DateTime;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.IpAddress;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import io.sextant.platform.authz.DecisionRequest;
import io.sextant.platform.authz.Principal;
import io.sextant.platform.authz.RequestContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A fixed, seeded workload of requests, each built once in memory for both engines before any timing:
 * Sextant's {@link DecisionRequest} (principal with claims, the row as a column map with the Java types a
 * JDBC row has — uuid, String, Integer, Boolean — and the context), and Cedar's {@link AuthorizationRequest}
 * with its entities (the principal and the resource with their attributes) and context.
 */
final class Workload {

    static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");

    /** One request for both engines; {@code decisionId} is the trace's id, made ahead of time too. */
    record Request(DecisionRequest sextant, AuthorizationRequest cedar, Set<Entity> cedarEntities, UUID decisionId) {
    }

    record User(String id, String role, UUID tenant, String dept, int level) {
    }

    private static final EntityTypeName USER = EntityTypeName.parse("User").orElseThrow();
    private static final EntityTypeName ACTION = EntityTypeName.parse("Action").orElseThrow();

    private Workload() {
    }

    static List<User> users(Random rng, int n) {
        int[] roleWeights = {35, 20, 15, 10, 8, 7, 5};
        List<User> users = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int x = rng.nextInt(100);
            int k = 0;
            while (x >= roleWeights[k]) {
                x -= roleWeights[k++];
            }
            users.add(new User(String.format("u%04d", i), PolicySets.ROLES.get(k), PolicySets.TENANTS.get(rng.nextInt(PolicySets.TENANTS.size())),
                    PolicySets.DEPTS.get(rng.nextInt(PolicySets.DEPTS.size())), 1 + rng.nextInt(5)));
        }
        return users;
    }

    static List<Request> build(PolicySets.Generated set, int count) {
        Random rng = new Random(PolicySets.SEED * 31 + set.size());
        List<User> users = users(rng, 400);
        Map<String, EntityTypeName> types = new HashMap<>();
        set.types().forEach(t -> types.put(t, EntityTypeName.parse(PolicySets.cedarType(t)).orElseThrow()));
        List<Request> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            User u = users.get(rng.nextInt(users.size()));
            int a = rng.nextInt(100);
            String action = a < 55 ? "select" : a < 75 ? "update" : a < 85 ? "insert" : "delete";
            String type = set.types().get(rng.nextInt(set.types().size()));

            // The row: mostly the principal's tenant, often its own, usually live.
            UUID tenant = rng.nextInt(100) < 75 ? u.tenant() : PolicySets.TENANTS.get(rng.nextInt(PolicySets.TENANTS.size()));
            String owner = rng.nextInt(100) < 35 ? u.id() : users.get(rng.nextInt(users.size())).id();
            int s = rng.nextInt(100);
            String status = s < 35 ? "open" : s < 55 ? "draft" : s < 70 ? "review" : s < 85 ? "closed" : "archived";
            String dept = rng.nextInt(100) < 50 ? u.dept() : PolicySets.DEPTS.get(rng.nextInt(PolicySets.DEPTS.size()));
            int level = 1 + rng.nextInt(5);
            boolean shared = rng.nextInt(100) < 20;
            String rowId = String.format("%s-%05d", type, i);

            // The context: any minute of the day, mostly low risk, mostly from the office network.
            Instant time = DAY.plusSeconds(60L * rng.nextInt(24 * 60));
            int r = rng.nextInt(100);
            int risk = r < 80 ? rng.nextInt(50) : 50 + rng.nextInt(51);
            int n = rng.nextInt(100);
            String ip = n < 65 ? "10." + rng.nextInt(256) + "." + rng.nextInt(256) + "." + (1 + rng.nextInt(254))
                    : n < 85 ? "192.168." + rng.nextInt(256) + "." + (1 + rng.nextInt(254)) : "203.0.113." + (1 + rng.nextInt(254));

            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            row.put("id", rowId);
            row.put("tenant_id", tenant);
            row.put("owner_id", owner);
            row.put("status", status);
            row.put("dept", dept);
            row.put("level", level);
            row.put("shared", shared);
            Principal principal = new Principal(u.id(), u.role(), u.tenant(), Map.of("dept", u.dept(), "level", u.level()));
            DecisionRequest sx = new DecisionRequest("req-" + i, principal, action, type, row,
                    new RequestContext(time, ip, BigDecimal.valueOf(risk)));

            EntityUID principalUid = new EntityUID(USER, u.id());
            EntityUID resourceUid = new EntityUID(types.get(type), rowId);
            Map<String, Value> pa = new HashMap<>();
            pa.put("role", new PrimString(u.role()));
            pa.put("tenant", new PrimString(u.tenant().toString()));
            pa.put("dept", new PrimString(u.dept()));
            pa.put("level", new PrimLong(u.level()));
            Map<String, Value> ra = new HashMap<>();
            ra.put("tenant_id", new PrimString(tenant.toString()));
            ra.put("owner", new EntityUID(USER, owner));
            ra.put("status", new PrimString(status));
            ra.put("dept", new PrimString(dept));
            ra.put("level", new PrimLong(level));
            ra.put("shared", new PrimBool(shared));
            Map<String, Value> context = new HashMap<>();
            context.put("time", new DateTime(time.toString()));
            context.put("ip", new IpAddress(ip));
            context.put("risk", new PrimLong(risk));
            AuthorizationRequest cedar = new AuthorizationRequest(principalUid, new EntityUID(ACTION, action), resourceUid, context);
            Set<Entity> entities = Set.of(new Entity(principalUid, pa, Set.of()), new Entity(resourceUid, ra, Set.of()));
            out.add(new Request(sx, cedar, entities, new UUID(rng.nextLong(), rng.nextLong())));
        }
        return out;
    }
}
