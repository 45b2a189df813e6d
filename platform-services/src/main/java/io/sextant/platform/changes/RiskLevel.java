package io.sextant.platform.changes;

/**
 * The risk of a whole migration. CRITICAL: data loss or privilege escalation; HIGH: an ERROR
 * finding (outage-grade locks, failures on populated tables, breaking changes); MEDIUM: warnings;
 * LOW: advice only or nothing.
 */
public enum RiskLevel { LOW, MEDIUM, HIGH, CRITICAL }
