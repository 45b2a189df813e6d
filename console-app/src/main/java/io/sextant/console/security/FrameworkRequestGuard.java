package io.sextant.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests of the Vaadin client and its resources ({@code /VAADIN}, {@code /VAADIN/**}, the
 * legacy {@code /HEARTBEAT}, {@code /UIDL} and {@code /PUSH} paths, the PWA shell pages, and any
 * {@code ?v-r=…} request) come only from a page that already has a session. Without one they are
 * answered at once — 401 for client requests, 404 for resources — before the request cache, the
 * sign-in redirect, Atmosphere or the bootstrap page could create a session for a stranger.
 * Page GETs such as {@code /} or {@code /audit} still go to sign-in.
 */
final class FrameworkRequestGuard extends OncePerRequestFilter {

    private static final Set<String> CLIENT_PATHS = Set.of("/HEARTBEAT", "/UIDL", "/PUSH");
    private static final Set<String> SHELL_PAGES = Set.of("/offline.html", "/manifest.webmanifest");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getSession(false) == null) {
            String path = path(request);
            if (hasFrameworkParameter(request.getQueryString()) || CLIENT_PATHS.contains(upperTrimmed(path))) {
                response.setHeader("Cache-Control", "no-store");
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            if (path.equals("/VAADIN") || path.startsWith("/VAADIN/") || SHELL_PAGES.contains(path)) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        int semicolon = uri.indexOf(';');
        return semicolon < 0 ? uri : uri.substring(0, semicolon);
    }

    private static String upperTrimmed(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return p.toUpperCase(java.util.Locale.ROOT);
    }

    /** Reads the query string only: parsing parameters would consume a form body. */
    private static boolean hasFrameworkParameter(String query) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            if (pair.equals("v-r") || pair.startsWith("v-r=") || pair.startsWith("v%2Dr=") || pair.startsWith("v%2dr=")) {
                return true;
            }
        }
        return false;
    }
}
