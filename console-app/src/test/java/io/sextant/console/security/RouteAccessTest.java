package io.sextant.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.sextant.console.ConsoleTest;
import io.sextant.console.TestPort;
import io.sextant.console.resilience.Roles;
import io.sextant.platform.identity.ConsoleRole;
import io.sextant.platform.identity.OperatorService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every route of the console against every role, over real HTTP with a real sign-in: each address
 * answers the console's own page — the screen, "needs another role", or "not found" — never the
 * framework's error page, and every refusal is in the audit log as {@code access.denied}. The
 * routes are found on the class path, so a new screen is covered without touching this test.
 */
@ConsoleTest
class RouteAccessTest {

    /** Addresses that are no screen: a typo, a screen that needs an id given without one, a path under a screen. */
    static final List<String> NOT_SCREENS = List.of("project", "projects/x", "audit-log", "security", "changes/drift/x",
            "account/tokens/extra");

    static final String PASSWORD = "route-access-pass-1";

    @Autowired
    OperatorService operators;

    @Autowired
    JdbcTemplate jdbc;

    record Screen(Class<?> view, String path, String viewId, Set<ConsoleRole> roles, boolean anyoneSignedIn) {
        boolean opensFor(Set<ConsoleRole> held) {
            return anyoneSignedIn || held.stream().anyMatch(roles::contains);
        }
    }

    @Test
    void everyRouteAnswersTheConsolesPageForEveryRoleAndEveryRefusalIsAudited() {
        List<Screen> screens = screens();
        assertThat(screens).extracting(Screen::path).contains("", "audit", "security/keys", "project/" + SAMPLE_ID, "changes/drift");
        SoftAssertions softly = new SoftAssertions();
        List<Set<ConsoleRole>> grants = new ArrayList<>(Arrays.stream(ConsoleRole.values()).map(Set::of).toList());
        grants.add(Set.of()); // signed in, but no console role (an external provider's group that maps to none)
        for (Set<ConsoleRole> role : grants) {
            String name = role.isEmpty() ? "none" : role.iterator().next().name().toLowerCase().replace('_', '-');
            String username = "routes-" + name + "-" + UUID.randomUUID().toString().substring(0, 6);
            Roles.run("secadmin", () -> operators.create(username, "Route access " + name, null, PASSWORD, role),
                    ConsoleRole.SECURITY_ADMIN);
            var browser = new SecurityHttp.Browserless();
            browser.signIn(username, PASSWORD);
            for (Screen screen : screens) {
                long before = lastSeq();
                String page = open(browser, screen.path(), softly, role);
                List<String> refusals = screenRefusals(before, username);
                if (screen.opensFor(role)) {
                    softly.assertThat(page).as("%s opens %s", role, screen.path()).contains("\"" + screen.viewId() + "\"")
                            .doesNotContain("access-denied-view").doesNotContain("not-found-view").doesNotContain("error-view");
                    softly.assertThat(refusals).as("%s opening %s is no refusal", role, screen.path()).isEmpty();
                } else {
                    softly.assertThat(page).as("%s is refused %s", role, screen.path()).contains("access-denied-view")
                            .contains("opens for the").contains("side-nav").doesNotContain("\"" + screen.viewId() + "\"");
                    softly.assertThat(refusals).as("%s refused %s: audited once", role, screen.path()).containsExactly("/" + screen.path());
                }
            }
            for (String path : NOT_SCREENS) {
                long before = lastSeq();
                String page = open(browser, path, softly, role);
                softly.assertThat(page).as("%s at /%s", role, path).contains("not-found-view").contains("Page not found").contains("side-nav");
                softly.assertThat(screenRefusals(before, username)).as("an address that is no screen is no refusal").isEmpty();
            }
        }
        softly.assertAll();
    }

    @Test
    void signedOutVisitorOfAnyAddressIsSentToSignInAndNothingIsAudited() {
        long before = lastSeq();
        List<String> paths = new ArrayList<>(screens().stream().filter(s -> !s.view().isAnnotationPresent(AnonymousAllowed.class))
                .map(Screen::path).toList());
        paths.addAll(NOT_SCREENS);
        for (String path : paths) {
            HttpResponse<String> r = SecurityHttp.get(TestPort.console() + "/" + path);
            assertThat(r.statusCode()).as("/%s", path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).as("/%s", path).hasValue(TestPort.console() + "/oauth2/authorization/sextant");
        }
        assertThat(jdbc.queryForObject("select count(*) from ledger.audit_event where seq > ? and action = 'access.denied'",
                Integer.class, before)).isZero();
    }

    /**
     * The page's address over HTTP (never the framework's error page), then what the router renders
     * there, driven as the browser's client does: create the UI, then send it the navigation event.
     */
    private static String open(SecurityHttp.Browserless browser, String path, SoftAssertions softly, Set<ConsoleRole> role) {
        HttpResponse<String> shell = browser.get(TestPort.console() + "/" + path, "Accept", "text/html,application/xhtml+xml");
        softly.assertThat(shell.statusCode()).as("%s GET /%s", role, path).isIn(200, 403, 404);
        softly.assertThat(shell.body()).as("%s GET /%s", role, path).doesNotContain("Whitelabel").contains("VAADIN/build");
        HttpResponse<String> init = browser.get(TestPort.console() + "/?v-r=init&location=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
        Matcher key = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"").matcher(init.body());
        Matcher ui = Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)").matcher(init.body());
        assertThat(key.find() && ui.find()).as("%s: the console's client starts at /%s", role, path).isTrue();
        String navigate = "{\"csrfToken\":\"" + key.group(1) + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\","
                + "\"data\":{\"route\":\"" + path + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},"
                + "\"trigger\":\"\"}}],\"syncId\":0,\"clientId\":0}";
        HttpResponse<String> rendered = browser.send(SecurityHttp.request(TestPort.console() + "/?v-r=uidl&v-uiId=" + ui.group(1),
                "Content-Type", "application/json; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(navigate)));
        softly.assertThat(rendered.statusCode()).as("%s renders /%s", role, path).isEqualTo(200);
        softly.assertThat(rendered.body()).as("%s renders /%s", role, path).doesNotContain("appError");
        return rendered.body();
    }

    static final String SAMPLE_ID = "00000000-0000-0000-0000-000000000000";

    /** Every {@code @Route} of the console with an address that reaches it and what it demands. */
    static List<Screen> screens() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Map<String, Screen> byPath = new LinkedHashMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.sextant.console")) {
            Class<?> view;
            try {
                view = Class.forName(candidate.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            if (view.isAnnotationPresent(AnonymousAllowed.class)) {
                continue; // the first-administrator step: no role involved, closed once an operator exists
            }
            String path = view.getAnnotation(Route.class).value();
            if (HasUrlParameter.class.isAssignableFrom(view)) {
                path = path + "/" + SAMPLE_ID;
            }
            RolesAllowed allowed = view.getAnnotation(RolesAllowed.class);
            Set<ConsoleRole> roles = EnumSet.noneOf(ConsoleRole.class);
            if (allowed != null) {
                Arrays.stream(allowed.value()).map(ConsoleRole::valueOf).forEach(roles::add);
            }
            assertThat(allowed != null || view.isAnnotationPresent(PermitAll.class)).as("%s declares who may open it", view).isTrue();
            byPath.put(path, new Screen(view, path, viewId(view), roles, view.isAnnotationPresent(PermitAll.class)));
        }
        return List.copyOf(byPath.values());
    }

    /** The id the view gives itself: its class name in kebab case ({@code SigningKeysView} → {@code signing-keys-view}). */
    static String viewId(Class<?> view) {
        return view.getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }

    long lastSeq() {
        return jdbc.queryForObject("select coalesce(max(seq), 0) from ledger.audit_event", Long.class);
    }

    List<String> screenRefusals(long seq, String actor) {
        return jdbc.queryForList("select target_id from ledger.audit_event where seq > ? and actor = ? and action = 'access.denied' "
                + "and target_type = 'screen' and outcome = 'refused' order by seq", String.class, seq, actor);
    }
}
