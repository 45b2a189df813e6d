package io.sextant.console.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sextant.console.ConsoleApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A console pointed at a PostgreSQL that does not answer stops start-up with one clear message
 * naming the URL, never the password, and the failure analyzer's short report. Runs its own,
 * failing, application (no shared test context, no embedded server).
 */
@ExtendWith(OutputCaptureExtension.class)
class WrongDatabaseUrlTest {

    static final String SECRET = "hunter2secret";

    @Test
    void unreachableDatabaseStopsStartUpNamingTheUrlWithoutItsPassword(CapturedOutput output) throws IOException {
        int closedPort = closedPort();
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/sextant?password=" + SECRET;
        long t0 = System.nanoTime();

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(ConsoleApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("test")
                .run("--sextant.database.url=" + url,
                        "--sextant.database.owner-username=sextant_owner",
                        "--sextant.database.owner-password=" + SECRET,
                        "--sextant.database.app-username=sextant_app",
                        "--sextant.database.app-password=" + SECRET + "-app",
                        "--sextant.identity.console-client-secret=" + SECRET + "-client",
                        "--server.port=0",
                        "--sextant.test.fixed-port=true",
                        "--spring.jmx.enabled=false")
                .close());

        assertThat(failure).as("start-up must fail").isNotNull();
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            messages.add(t.getClass().getName() + ": " + t.getMessage());
        }
        assertThat(messages).anySatisfy(m -> assertThat(m)
                .contains("DatabaseUnreachableException")
                .contains("Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:" + closedPort + "/sextant?password=****")
                .contains("check sextant.database.url"));
        assertThat(String.join("\n", messages)).doesNotContain(SECRET);

        // The failure analyzer's short report instead of a stack trace, and no secret anywhere in the log.
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:" + closedPort + "/sextant?password=****")
                .contains("Set sextant.database.url to a reachable PostgreSQL")
                .doesNotContain(SECRET);
        assertThat(System.nanoTime() - t0).as("fails fast").isLessThan(30_000_000_000L);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
