package io.sextant.console;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Sextant console: platform services, the Vaadin UI and the REST facade in one process. */
@SpringBootApplication(scanBasePackages = {"io.sextant.console", "io.sextant.platform"})
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/sextant.css")
public class ConsoleApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Sextant");
    }
}
