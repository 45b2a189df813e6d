package io.sextant.platform.identity;

import static io.sextant.jooq.security.Tables.OPERATOR;
import static io.sextant.jooq.security.Tables.OPERATOR_ROLE;
import static io.sextant.platform.identity.internal.JooqSigningKeyRepository.utc;

import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators of the console and their roles. Native operators sign in at the built-in identity
 * provider with a password (stored as a one-way hash); external ones come from an OIDC provider.
 */
@Service
public class OperatorService implements UserDetailsService {

    static final int MIN_PASSWORD_LENGTH = 12;

    private final DSLContext dsl;
    private final AuditLog audit;
    private final PasswordEncoder passwords;
    private final Clock clock;

    OperatorService(DSLContext dsl, AuditLog audit, PasswordEncoder passwords, Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** The built-in identity provider's login: username, password hash, roles; disabled operators cannot sign in. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        var op = dsl.selectFrom(OPERATOR).where(OPERATOR.USERNAME.eq(username.strip().toLowerCase(java.util.Locale.ROOT)))
                .and(OPERATOR.SOURCE.eq("native")).fetchOptional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown operator"));
        return User.withUsername(op.getUsername())
                .password(op.getPasswordHash())
                .disabled(!op.getEnabled())
                .authorities(roles(op.getOperatorId()).stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                .build();
    }

    public Set<ConsoleRole> rolesOf(String username) {
        return dsl.select(OPERATOR.OPERATOR_ID).from(OPERATOR).where(OPERATOR.USERNAME.eq(username))
                .fetchOptional(OPERATOR.OPERATOR_ID).map(this::roles).orElse(Set.of());
    }

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public List<OperatorSummary> list() {
        Map<UUID, Set<ConsoleRole>> roles = dsl.selectFrom(OPERATOR_ROLE).fetchGroups(OPERATOR_ROLE.OPERATOR_ID, OPERATOR_ROLE.ROLE)
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().stream().map(ConsoleRole::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(ConsoleRole.class)))));
        return dsl.selectFrom(OPERATOR).orderBy(OPERATOR.USERNAME).fetch(r -> new OperatorSummary(r.getOperatorId(),
                r.getUsername(), r.getDisplayName(), r.getEmail(), r.getSource(), r.getEnabled(),
                roles.getOrDefault(r.getOperatorId(), Set.of()), r.getCreatedAt().toInstant()));
    }

    public long count() {
        return dsl.fetchCount(OPERATOR);
    }

    /** Creates a native operator. Only a security admin may; see {@link #createFirstAdministrator} for the first one. */
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Transactional
    public UUID create(String username, String displayName, @Nullable String email, String password, Set<ConsoleRole> roles) {
        return insert(username, displayName, email, password, roles, "identity.operator.create");
    }

    /**
     * Creates the first security admin of a new installation; refused once any operator exists.
     * Called by {@link FirstAdministratorSetup} after the one-time setup code checked out.
     */
    @Transactional
    UUID createFirstAdministrator(String username, String displayName, String password) {
        dsl.execute("lock table security.operator in share row exclusive mode");
        if (dsl.fetchCount(OPERATOR) > 0) {
            throw new IllegalStateException("The console already has operators; the first-administrator step is closed.");
        }
        return insert(username, displayName, null, password, EnumSet.of(ConsoleRole.SECURITY_ADMIN, ConsoleRole.OPERATOR),
                "identity.operator.create-first-admin");
    }

    /** Demo data only: creates the operator if missing. Never called outside the demo profile. */
    @Transactional
    public boolean ensureDemoOperator(String username, String displayName, String password, Set<ConsoleRole> roles) {
        if (dsl.fetchExists(OPERATOR, OPERATOR.USERNAME.eq(username))) {
            return false;
        }
        insert(username, displayName, username + "@demo.invalid", password, roles, "identity.operator.create-demo");
        return true;
    }

    /** Finds or creates the record of an operator who signed in through an external provider. */
    @Transactional
    public void recordExternalLogin(String username, String displayName, @Nullable String email) {
        if (!dsl.fetchExists(OPERATOR, OPERATOR.USERNAME.eq(username))) {
            dsl.insertInto(OPERATOR)
                    .set(OPERATOR.OPERATOR_ID, UUID.randomUUID())
                    .set(OPERATOR.USERNAME, username)
                    .set(OPERATOR.DISPLAY_NAME, displayName)
                    .set(OPERATOR.EMAIL, email)
                    .set(OPERATOR.SOURCE, "external")
                    .set(OPERATOR.CREATED_AT, utc(clock.instant()))
                    .set(OPERATOR.UPDATED_AT, utc(clock.instant()))
                    .execute();
            audit.append(AuditEntry.succeeded("identity.operator.first-external-login", "operator", username, Map.of()));
        }
    }

    public Optional<String> displayName(String username) {
        return dsl.select(OPERATOR.DISPLAY_NAME).from(OPERATOR).where(OPERATOR.USERNAME.eq(username)).fetchOptional(OPERATOR.DISPLAY_NAME);
    }

    private UUID insert(String username, String displayName, @Nullable String email, String password,
            Set<ConsoleRole> roles, String action) {
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        if (!name.matches("^[a-z0-9][a-z0-9._@-]{1,62}$")) {
            throw new IllegalArgumentException("A username is 2 to 63 characters: lower-case letters, digits and . _ @ -");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (dsl.fetchExists(OPERATOR, OPERATOR.USERNAME.eq(name))) {
            throw new IllegalArgumentException("An operator named " + name + " already exists.");
        }
        UUID id = UUID.randomUUID();
        dsl.insertInto(OPERATOR)
                .set(OPERATOR.OPERATOR_ID, id)
                .set(OPERATOR.USERNAME, name)
                .set(OPERATOR.DISPLAY_NAME, displayName == null || displayName.isBlank() ? name : displayName.strip())
                .set(OPERATOR.EMAIL, email)
                .set(OPERATOR.PASSWORD_HASH, passwords.encode(password))
                .set(OPERATOR.SOURCE, "native")
                .set(OPERATOR.CREATED_AT, utc(clock.instant()))
                .set(OPERATOR.UPDATED_AT, utc(clock.instant()))
                .execute();
        for (ConsoleRole r : roles) {
            dsl.insertInto(OPERATOR_ROLE).set(OPERATOR_ROLE.OPERATOR_ID, id).set(OPERATOR_ROLE.ROLE, r.name()).execute();
        }
        audit.append(AuditEntry.succeeded(action, "operator", name,
                Map.of("roles", roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")))));
        return id;
    }

    private Set<ConsoleRole> roles(UUID operatorId) {
        return dsl.select(OPERATOR_ROLE.ROLE).from(OPERATOR_ROLE).where(OPERATOR_ROLE.OPERATOR_ID.eq(operatorId))
                .fetch(OPERATOR_ROLE.ROLE).stream().map(ConsoleRole::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ConsoleRole.class)));
    }
}
