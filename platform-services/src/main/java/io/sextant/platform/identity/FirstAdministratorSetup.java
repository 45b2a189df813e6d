package io.sextant.platform.identity;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documented one-time step that creates the first administrator of an installation that has
 * no operators (outside the demo profile there is no well-known password). At start-up a
 * single-use setup code is written to an owner-only file; whoever can read that file on the
 * server can open {@code /setup} and create the first security admin. Once any operator exists
 * the step is closed for good.
 */
@Service
public class FirstAdministratorSetup {

    static final String PURPOSE = "first-admin-setup";
    private static final Logger log = LoggerFactory.getLogger(FirstAdministratorSetup.class);

    private final OperatorService operators;
    private final NonceService nonces;
    private final AuditLog audit;
    private final Path codeFile;

    FirstAdministratorSetup(OperatorService operators, NonceService nonces, AuditLog audit,
            @Value("${sextant.identity.setup-code-file:.sextant/first-admin-setup-code}") String codeFile) {
        this.operators = operators;
        this.nonces = nonces;
        this.audit = audit;
        this.codeFile = Path.of(codeFile).toAbsolutePath();
    }

    public boolean isOpen() {
        return operators.count() == 0;
    }

    /** Writes a fresh setup code if the installation has no operator yet. */
    public void prepareIfNeeded() {
        if (!isOpen()) {
            return;
        }
        nonces.voidAll(PURPOSE);
        String code = nonces.issue(PURPOSE, null, Duration.ofHours(24));
        try {
            Files.createDirectories(codeFile.getParent());
            // Created owner-only before the code is written (not chmod-ed afterwards, which left the
            // code readable by everyone for a moment), then moved into place atomically.
            Path tmp = Files.createTempFile(codeFile.getParent(), codeFile.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, code + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, codeFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the first-administrator setup code to " + codeFile, e);
        }
        log.warn("No operator exists yet. A one-time setup code was written to {}; open /setup in the console to create the first administrator.", codeFile);
    }

    /** Creates the first administrator if the code is valid and unused; refused (and audited) otherwise. */
    @Transactional(noRollbackFor = SetupRefusedException.class)
    public UUID complete(String code, String username, String displayName, String password) {
        if (!isOpen()) {
            throw refuse(username, "The first administrator already exists.");
        }
        if (code == null || !nonces.consume(PURPOSE, code.strip())) {
            throw refuse(username, "The setup code is wrong, used or expired. Restart the console for a new one.");
        }
        UUID id = operators.createFirstAdministrator(username, displayName, password);
        try {
            Files.deleteIfExists(codeFile);
        } catch (IOException e) {
            log.warn("Could not delete the used setup code file {}: {}", codeFile, e.getMessage());
        }
        return id;
    }

    private SetupRefusedException refuse(String username, String why) {
        audit.appendRefusal(AuditEntry.refused("identity.operator.create-first-admin", "operator",
                username == null ? "" : username, Map.of("reason", why)));
        return new SetupRefusedException(why);
    }

    /** The setup step was refused; the message says why in words an operator can act on. */
    public static class SetupRefusedException extends RuntimeException {
        public SetupRefusedException(String message) {
            super(message);
        }
    }
}
