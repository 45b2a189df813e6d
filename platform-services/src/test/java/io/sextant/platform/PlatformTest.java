package io.sextant.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An integration test of the platform services on real PostgreSQL: the embedded server is
 * started once per test JVM (in a fresh temporary directory) and migrated by Flyway.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = PlatformTestApplication.class)
@ActiveProfiles("test")
public @interface PlatformTest {
}
