package io.sextant.console;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** Test JVMs only: pins {@code server.port} to {@link TestPort#PORT} when the test profile is active. */
public class TestPortInitializer implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("ephemeral".equals(environment.getProperty("sextant.embedded.directory"))
                && environment.getProperty("sextant.test.fixed-port") == null) {
            environment.getPropertySources().addFirst(new MapPropertySource("sextantTestPort",
                    Map.of("server.port", TestPort.PORT, "sextant.test.fixed-port", "true")));
        }
    }
}
