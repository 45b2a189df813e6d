package io.sextant.platform.tenancy;

import java.util.UUID;

/** An organisation: owns projects, is on one plan. {@code version} is for optimistic locking of edits. */
public record Organization(UUID id, String slug, String name, String planCode, String status, int version) {
}
