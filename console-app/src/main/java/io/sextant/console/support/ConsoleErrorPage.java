package io.sextant.console.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.sextant.platform.identity.IdentityProperties;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a browser gets for an error decided before the console's router is reached (a forged
 * form without its CSRF token, a framework resource that does not exist): the console's words,
 * what to do next and the request id of the server log — in place of Spring's "Whitelabel Error
 * Page". Registered under the bean name {@code error}, which Spring Boot's error controller renders
 * for HTML requests. Nothing of the request (path, message, exception) is echoed.
 */
@Component("error")
class ConsoleErrorPage implements View {

    /** Absolute: an error on the identity provider's host name must lead to the console's, never start a session on its own. */
    private final String overview;

    ConsoleErrorPage(IdentityProperties identity) {
        String base = identity.consoleBaseUrl();
        this.overview = base == null || base.isBlank() ? "/" : base.replaceAll("/+$", "") + "/";
    }

    @Override
    public String getContentType() {
        return MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";
    }

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
        int status = model.get("status") instanceof Integer s ? s : response.getStatus();
        String title;
        String what;
        if (status == HttpServletResponse.SC_NOT_FOUND) {
            title = "Page not found";
            what = "There is nothing at this address. Check it for a typo, or go to the overview and choose a screen from the menu.";
        } else if (status == HttpServletResponse.SC_FORBIDDEN) {
            title = "Not allowed";
            what = "The request was refused. If you submitted a form, the page may have been open too long: go to the overview, "
                    + "open the screen again and retry. If you need a role you lack, ask a security admin.";
        } else if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            title = "Sign-in needed";
            what = "Your session has ended or was never started. Go to the overview to sign in again.";
        } else if (status >= 500) {
            title = "Something went wrong";
            what = "Nothing was changed. Reload the page or go to the overview; if it happens again, send the request id below "
                    + "to your platform team — it leads them to the details in the server log.";
        } else {
            title = "The request could not be served";
            what = "Go to the overview and try again from there.";
        }
        String requestId = response.getHeader(RequestIdFilter.HEADER);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(getContentType());
        response.getWriter().write("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Sextant</title>
                <style>body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f3f5f9;color:#1a2233;margin:0}
                main{max-width:36rem;margin:10vh auto;background:#fff;border:1px solid #dde2ea;border-radius:10px;padding:2rem 2.25rem}
                h1{font-size:1.4rem;margin:0 0 .75rem}code{background:#eef1f6;padding:0 .3rem}a{color:#1f5fd6}</style>
                </head><body><main id="console-error-page"><h1>%s</h1><p>%s</p>%s<p><a id="overview-link" href="%s">Back to the overview</a></p></main></body></html>
                """.formatted(title, title, what,
                requestId == null ? "" : "<p>Request id: <code>" + requestId.replaceAll("[^0-9a-fA-F-]", "") + "</code></p>",
                HtmlUtils.htmlEscape(overview)));
    }
}
