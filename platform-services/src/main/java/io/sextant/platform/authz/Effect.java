package io.sextant.platform.authz;

/** The final effect of a decision. Deny is the default: it holds unless a permit rule matched and no forbid rule did. */
public enum Effect {
    ALLOW,
    DENY
}
