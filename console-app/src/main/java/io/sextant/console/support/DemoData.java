package io.sextant.console.support;

import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.OperatorService;
import io.sextant.platform.authz.DemoPolicyData;
import io.sextant.platform.risk.DemoRiskData;
import io.sextant.platform.tenancy.DemoTenancyData;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: one demo operator per role (credentials in the README) and a few
 * organisations and projects. Never active outside the {@code demo} profile.
 */
@Component
@Profile("demo")
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** Demo credentials, deliberately public: the demo profile must never hold real data. */
    record DemoOperator(String username, String displayName, String password, Set<ConsoleRole> roles) {
    }

    static final DemoOperator[] OPERATORS = {
        new DemoOperator("operator", "Olivia Operator", "operator-demo-pass", EnumSet.of(ConsoleRole.OPERATOR)),
        new DemoOperator("support", "Sam Support", "support-demo-pass", EnumSet.of(ConsoleRole.SUPPORT)),
        new DemoOperator("compliance", "Casey Compliance", "compliance-demo-pass", EnumSet.of(ConsoleRole.COMPLIANCE)),
        new DemoOperator("secadmin", "Alex Security", "secadmin-demo-pass", EnumSet.of(ConsoleRole.SECURITY_ADMIN, ConsoleRole.OPERATOR)),
    };

    private final OperatorService operators;
    private final DemoTenancyData tenancy;
    private final DemoPolicyData policies;
    private final DemoRiskData risk;

    DemoData(OperatorService operators, DemoTenancyData tenancy, DemoPolicyData policies, DemoRiskData risk) {
        this.operators = operators;
        this.tenancy = tenancy;
        this.policies = policies;
        this.risk = risk;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        for (DemoOperator o : OPERATORS) {
            if (operators.ensureDemoOperator(o.username(), o.displayName(), o.password(), o.roles())) {
                created++;
            }
        }
        tenancy.ensure();
        policies.ensure();
        risk.ensure();
        if (created > 0) {
            log.info("Demo profile: created {} demo operators (see README, 'Demo operators')", created);
        }
    }
}
