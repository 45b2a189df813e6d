/**
 * Intent-first onboarding: plain questions about what a tenant is building, and a deterministic
 * rules table that derives plan, region, isolation, policy packs, audit retention and backups from
 * the answers, each with its reason. Rules: {@code docs/onboarding-rules.md}.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Onboarding")
package io.sextant.platform.onboarding;

import org.jspecify.annotations.NullMarked;
