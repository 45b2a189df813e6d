package io.sextant.platform.risk;

import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.Tenants;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Test plumbing: a provisioned project with a model published the regular way (alice proposes, sam approves). */
@Component
public class RiskFixture {

    public static final String MODEL = """
            // flagged at 70 points
            threshold 70;
            feature amount weight 10 when value >= 1000;
            feature hour_of_day weight 10 when value < 6;
            feature amount_vs_usual weight 10 per 1 above 2 cap 40;
            feature velocity_1h weight 5 per 1 above 5 cap 20;
            feature new_device weight 20 when value == 1;
            feature new_address weight 10 when value == 1;
            feature distance_km weight 25 when value >= 500;
            """;

    @Autowired
    Tenants tenants;
    @Autowired
    RiskModelService models;

    public static <T> T as(String user, String role, Callable<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList(java.util.Arrays.stream(role.split(",")).map(r -> "ROLE_" + r).toArray(String[]::new))));
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    public UUID project() {
        return as("alice", "OPERATOR", () -> tenants.provision(tenants.org("team"), "eu-central", IsolationModel.SHARED).projectId());
    }

    public RiskModelVersion publish(UUID project, String model) {
        RiskModelVersion draft = as("alice", "OPERATOR", () -> models.saveDraft(project, model));
        if (draft.state().equals("published")) {
            return draft; // a generated case may repeat an earlier model
        }
        as("alice", "OPERATOR", () -> models.propose(project, draft.versionHash()));
        return as("sam", "SECURITY_ADMIN", () -> models.approve(project, draft.versionHash(), models.publicationVersion(project)));
    }

    public static RiskRequest request(String principal, @Nullable Long amount, @Nullable String address, @Nullable String device,
            @Nullable Long lat, @Nullable Long lon, Instant at) {
        return new RiskRequest(principal, "payment", amount, address, device, lat, lon, at, null);
    }
}
