package io.sextant.console.security;

import io.sextant.console.TestPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.json.JsonParserFactory;

/**
 * Plain HTTP against the running console: redirects are never followed, cookies are kept per host
 * name by hand (console on {@code localhost}, identity provider on {@code 127.0.0.1}), and the
 * OIDC sign-in is driven request by request, exactly as a browser would.
 */
final class SecurityHttp {

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private SecurityHttp() {
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.Builder request(String url, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        return headers.length == 0 ? b : b.headers(headers);
    }

    static HttpResponse<String> get(String url, String... headers) {
        return send(request(url, headers).GET().build());
    }

    static HttpResponse<String> postForm(String url, Map<String, String> form, String... headers) {
        return send(request(url, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build());
    }

    static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Object> json(HttpResponse<String> response) {
        return JsonParserFactory.getJsonParser().parseMap(response.body());
    }

    /** A client-credentials access token from the built-in provider. */
    static String clientCredentialsToken(String clientId, String secret) {
        HttpResponse<String> r = postForm(TestPort.issuer() + "/oauth2/token", Map.of("grant_type", "client_credentials", "scope", "api"),
                "Authorization", basic(clientId, secret));
        if (r.statusCode() != 200) {
            throw new AssertionError("Token request answered " + r.statusCode() + ": " + r.body());
        }
        return (String) json(r).get("access_token");
    }

    static HttpResponse<String> api(String path, String bearer) {
        return bearer == null ? get(TestPort.console() + path) : get(TestPort.console() + path, "Authorization", "Bearer " + bearer);
    }

    /** The session cookie a response sets, if any. */
    static Optional<String> sessionCookieSet(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst();
    }

    /** A cookie jar per host name and a way through the sign-in at the built-in provider. */
    static final class Browserless {
        private final Map<String, Map<String, String>> cookies = new LinkedHashMap<>();

        HttpResponse<String> send(HttpRequest.Builder builder) {
            HttpRequest probe = builder.build();
            String host = probe.uri().getHost();
            Map<String, String> jar = cookies.computeIfAbsent(host, h -> new LinkedHashMap<>());
            if (!jar.isEmpty()) {
                builder.setHeader("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = SecurityHttp.send(builder.build());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                    jar.remove(name);
                } else {
                    jar.put(name, value);
                }
            }
            return response;
        }

        HttpResponse<String> get(String url, String... headers) {
            return send(request(url, headers).GET());
        }

        HttpResponse<String> postForm(String url, Map<String, String> form, String... headers) {
            return send(request(url, headers).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(formBody(form))));
        }

        /** GETs each redirect target in turn, across both host names; returns the first answer that is not a redirect. */
        HttpResponse<String> follow(HttpResponse<String> response) {
            for (int i = 0; i < 12 && response.statusCode() / 100 == 3; i++) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                response = get(next.toString());
            }
            return response;
        }

        Optional<String> cookie(String host, String name) {
            return Optional.ofNullable(cookies.getOrDefault(host, Map.of()).get(name));
        }

        String consoleSessionId() {
            return cookie("localhost", "JSESSIONID").orElseThrow(() -> new AssertionError("No console session cookie"));
        }

        /** Signs in at the built-in provider through the console's OIDC flow; returns the console's first page. */
        HttpResponse<String> signIn(String username, String password) {
            HttpResponse<String> login = follow(get(TestPort.console() + "/"));
            if (!login.uri().getPath().equals("/idp/login")) {
                throw new AssertionError("Expected the sign-in form, got " + login.uri() + " " + login.statusCode());
            }
            HttpResponse<String> landed = follow(postForm(TestPort.issuer() + "/idp/login",
                    Map.of("username", username, "password", password, "_csrf", hiddenInput(login.body(), "_csrf"))));
            if (landed.statusCode() != 200 || !landed.uri().toString().startsWith(TestPort.console())) {
                throw new AssertionError("Sign-in of " + username + " ended at " + landed.uri() + " " + landed.statusCode());
            }
            return landed;
        }
    }

    static String hiddenInput(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("No hidden input " + name + " in the page");
        }
        return m.group(1);
    }

    /** Runs service code as the given principal, the way a signed-in request would. */
    static <T> T as(String username, java.util.function.Supplier<T> action, io.sextant.platform.identity.ConsoleRole... roles) {
        var authorities = java.util.Arrays.stream(roles)
                .map(r -> new org.springframework.security.core.authority.SimpleGrantedAuthority(r.authority())).toList();
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
        try {
            return action.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    static List<String> roles(HttpResponse<String> me) {
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) json(me).get("roles");
        return roles;
    }
}
