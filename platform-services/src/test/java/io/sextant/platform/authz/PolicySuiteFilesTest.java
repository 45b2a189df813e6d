package io.sextant.platform.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.platform.authz.internal.PlatformPolicies;
import io.sextant.platform.tenancy.DataClass;
import io.sextant.platform.tenancy.IsolationModel;
import io.sextant.platform.tenancy.PolicyPack;
import io.sextant.platform.tenancy.Project;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Policy test suites run in CI: the policy and test files shipped with the product (the demo
 * project's published version and its draft) must pass their suite, with the platform rules that
 * apply to them, exactly as the console runs them before publishing.
 */
class PolicySuiteFilesTest {

    static final List<TableSchema> KIT = List.of(
            new TableSchema("app_user", "tenant_data.app_user", Map.of("id", ValueType.UUID, "tenant_id", ValueType.UUID, "email", ValueType.TEXT,
                    "display_name", ValueType.TEXT, "created_at", ValueType.TIMESTAMP)),
            new TableSchema("document", "tenant_data.document", Map.of("id", ValueType.UUID, "tenant_id", ValueType.UUID, "owner_id", ValueType.UUID,
                    "title", ValueType.TEXT, "body", ValueType.TEXT, "classification", ValueType.TEXT, "created_at", ValueType.TIMESTAMP)),
            new TableSchema("event_log", "tenant_data.event_log", Map.of("id", ValueType.UUID, "tenant_id", ValueType.UUID, "kind", ValueType.TEXT,
                    "created_at", ValueType.TIMESTAMP)));

    @Test
    void shippedPoliciesPassTheirSuites() {
        UUID id = UUID.fromString("5e5e5e5e-0000-4000-8000-000000000001");
        Project crm = new Project(id, UUID.randomUUID(), "crm-eu", "CRM (EU)", "eu-central", IsolationModel.SHARED, "active",
                Set.of(DataClass.PERSONAL), PolicyPack.PERSONAL_DATA, "t_000000000001", null, false, null, null, null, null, 0);
        String tests = DemoPolicyData.resource("crm-eu.tests");
        for (String file : List.of("crm-eu.policy", "crm-eu.draft.policy", "crm-eu.api-draft.policy")) {
            Policy project = PolicyParser.parse(DemoPolicyData.resource(file), KIT);
            boolean own = project.rules().stream().anyMatch(r -> r.actions().stream().anyMatch(PolicyRule.SQL_ACTIONS::contains));
            CompiledPolicy effective = CompiledPolicy.of(PolicyParser.parse(PlatformPolicies.forProject(crm, own) + "\n" + project.canonical(), KIT));
            PolicyTestSuite.Report report = PolicyTestSuite.run(effective, PolicyTestSuite.parse(tests, id));
            assertThat(report.results()).as(file).isNotEmpty();
            assertThat(report.results()).as(file + ": failing lines").filteredOn(r -> !r.passed())
                    .extracting(r -> r.testCase().line() + ": " + r.testCase().text() + " → " + r.actual()).isEmpty();
        }
    }
}
