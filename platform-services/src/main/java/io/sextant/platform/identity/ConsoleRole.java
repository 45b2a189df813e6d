package io.sextant.platform.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * The console's roles. The string constants are for {@code @RolesAllowed} and
 * {@code @PreAuthorize}; Spring authorities carry the {@code ROLE_} prefix.
 */
public enum ConsoleRole {
    OPERATOR("Operator", "Runs tenants, onboarding and changes"),
    SUPPORT("Support", "Reads tenant state to help customers"),
    COMPLIANCE("Compliance", "Reads and verifies the audit log"),
    SECURITY_ADMIN("Security admin", "Manages operators, keys, tokens and sessions");

    public static final String OPERATOR_NAME = "OPERATOR";
    public static final String SUPPORT_NAME = "SUPPORT";
    public static final String COMPLIANCE_NAME = "COMPLIANCE";
    public static final String SECURITY_ADMIN_NAME = "SECURITY_ADMIN";

    private final String label;
    private final String description;

    ConsoleRole(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<ConsoleRole> parse(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (v.startsWith("ROLE_")) {
            v = v.substring(5);
        }
        for (ConsoleRole r : values()) {
            if (r.name().equals(v)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
