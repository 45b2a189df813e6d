package io.sextant.platform;

import org.springframework.modulith.Modulithic;

/**
 * Anchor of the platform's application modules: each direct sub-package of this one is a
 * capability with its public API at its root and its internals below. The console application
 * imports them by scanning this package.
 */
@Modulithic(systemName = "Sextant platform")
public final class Platform {

    private Platform() {
    }
}
