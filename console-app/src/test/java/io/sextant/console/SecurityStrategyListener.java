package io.sextant.console;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Spring Security's context holder strategy is process-wide, and every console context (Vaadin
 * installs its own strategy) replaces it. A few tests start a second console in the same JVM
 * (first-administrator set-up, bad database URL), so before each test method this points the
 * process-wide holder back at the strategy of the context under test.
 */
public class SecurityStrategyListener implements TestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                    .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        }
    }
}
