package io.sextant.console.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.console.ConsoleApplication;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.FirstAdministratorSetup;
import io.sextant.platform.identity.FirstAdministratorSetup.SetupRefusedException;
import io.sextant.platform.identity.OperatorService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A new installation (no demo profile, so no operator at all) on a database of its own — the one
 * extra console context of the suite, on its own embedded server ({@code ephemeral:first-admin}).
 * The methods run in order: they walk through the one-time step as an installer would.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sextant.embedded.directory=ephemeral:first-admin",
        "sextant.embedded.port=0",
        "sextant.identity.setup-code-file=target/first-admin-test/setup-code",
        "sextant.audit.checkpoint-file=target/first-admin-test/audit-checkpoints.jsonl"})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstAdministratorSetupTest {

    @Autowired
    FirstAdministratorSetup setup;

    @Autowired
    OperatorService operators;

    @Autowired
    JdbcTemplate jdbc;

    Path codeFile;

    @Value("${sextant.identity.setup-code-file}")
    void codeFile(String file) {
        codeFile = Path.of(file).toAbsolutePath();
    }

    @Test
    @Order(1)
    void anInstallationWithoutOperatorsGetsAnOwnerOnlySetupCodeFile() throws Exception {
        assertThat(operators.count()).isZero();
        assertThat(setup.isOpen()).isTrue();
        assertThat(codeFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(codeFile))).isEqualTo("rw-------");
        assertThat(code()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    @Order(2)
    void aWrongCodeIsRefusedAndAuditedAndCreatesNobody() throws Exception {
        assertThatThrownBy(() -> setup.complete("not-the-code", "intruder", "Intruder", "intruder-password-1"))
                .isInstanceOf(SetupRefusedException.class).hasMessageContaining("setup code is wrong");
        assertThat(operators.count()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where action = 'identity.operator.create-first-admin' "
                + "and target_id = 'intruder' and outcome = 'refused'", Long.class)).isOne();
        assertThat(setup.isOpen()).isTrue();
        assertThat(codeFile).as("a wrong guess does not burn the real code").exists();
    }

    @Test
    @Order(3)
    void theRightCodeUsedConcurrentlyCreatesExactlyOneSecurityAdmin() throws Exception {
        String code = code();
        int contenders = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        List<Future<Object>> results = new ArrayList<>();
        try {
            for (int i = 0; i < contenders; i++) {
                String username = "first-admin-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return setup.complete(code, username, "First admin " + username, "first-admin-password");
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : results) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(o -> o instanceof java.util.UUID).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !(o instanceof java.util.UUID)).hasSize(contenders - 1)
                    .allSatisfy(o -> assertThat(o).isInstanceOf(SetupRefusedException.class));
        } finally {
            pool.shutdownNow();
        }
        assertThat(operators.count()).isOne();
        String admin = jdbc.queryForObject("select username from security.operator", String.class);
        assertThat(operators.rolesOf(admin)).contains(ConsoleRole.SECURITY_ADMIN);
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where action = 'identity.operator.create-first-admin' "
                + "and outcome = 'succeeded'", Long.class)).isOne();
        assertThat(setup.isOpen()).isFalse();
        UsedCode.value = code;
    }

    @Test
    @Order(4)
    void theSameCodeCannotBeUsedASecondTime() {
        assertThat(UsedCode.value).as("needs the previous step").isNotNull();
        assertThatThrownBy(() -> setup.complete(UsedCode.value, "second-admin", "Second", "second-admin-password"))
                .isInstanceOf(SetupRefusedException.class);
        assertThat(operators.count()).isOne();
        assertThat(jdbc.queryForObject("select count(*) from security.operator where username = 'second-admin'", Long.class)).isZero();
    }

    @Test
    @Order(5)
    void theSetupCodeFileIsDeletedOnceUsed() {
        assertThat(UsedCode.value).as("needs the previous step").isNotNull();
        assertThat(codeFile).doesNotExist();
    }

    /** The code used in step 3 (JUnit makes a new instance per method). */
    static final class UsedCode {
        static volatile String value;
    }

    private String code() throws Exception {
        return Files.readString(codeFile, StandardCharsets.UTF_8).strip();
    }
}
