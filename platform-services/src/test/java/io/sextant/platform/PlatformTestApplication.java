package io.sextant.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the platform services alone (no UI) on the test JVM's embedded database. */
@SpringBootApplication
public class PlatformTestApplication {
}
