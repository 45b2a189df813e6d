/**
 * Policies: deny-by-default rules in a small text language, an in-process evaluator, a compiler to
 * PostgreSQL row-level security, a simulator on real tenant data, durable decision traces, denial
 * explanations and least-privilege proposals.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Policies")
package io.sextant.platform.authz;

import org.jspecify.annotations.NullMarked;
