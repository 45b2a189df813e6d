package io.sextant.platform;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The capabilities only use each other's public API; the module documentation is written to docs/. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(Platform.class);

    @Test
    void capabilitiesRespectModuleBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeDocumentation();
    }
}
