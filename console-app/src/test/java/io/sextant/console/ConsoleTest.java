package io.sextant.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole console on a real port (the built-in identity provider needs a known issuer URL) and
 * on the test JVM's embedded PostgreSQL, with the demo operators. One context per test JVM; its
 * clock is a {@link MutableClock} (real time unless a test moves it).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"test", "demo"})
@Import(TestClockConfiguration.class)
public @interface ConsoleTest {
}
