package io.sextant.console.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The built-in identity provider's sign-in form: plain server-rendered HTML, CSRF-protected. After
 * a refused attempt it keeps the username and says what to do, in its own words only.
 */
@Controller
class IdpLoginPage {

    @GetMapping(value = SecurityConfiguration.IDP_LOGIN, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String page(HttpServletRequest request, @RequestParam(name = "logout", required = false) String logout) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        // Only the provider's own words: the notice a refused attempt left in the session. Nothing of the address
        // (?error=…) is ever shown, so a crafted link cannot dress the sign-in page with a message.
        SignInNotice notice = SignInNotice.take(request);
        String message = "";
        if (notice != null) {
            message = "<p class=\"error\" id=\"login-error\" role=\"alert\">" + HtmlUtils.htmlEscape(notice.message()) + "</p>";
        } else if (logout != null) {
            message = "<p class=\"info\" role=\"status\">You have been signed out.</p>";
        }
        String username = notice == null ? "" : HtmlUtils.htmlEscape(notice.username());
        String usernameFocus = username.isEmpty() ? " autofocus" : "";
        String passwordFocus = username.isEmpty() ? "" : " autofocus";
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sign in · Sextant</title>
                <style>
                  body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f3f5f9;color:#1a2233}
                  main{max-width:22rem;margin:10vh auto;background:#fff;border:1px solid #dde2ea;border-radius:10px;padding:2rem 2.25rem;
                       box-shadow:0 6px 24px rgba(20,30,60,.07)}
                  h1{font-size:1.35rem;margin:0 0 .25rem}p.sub{margin:0 0 1.5rem;color:#5b667a;font-size:.9rem}
                  label{display:block;font-size:.85rem;font-weight:600;margin:.9rem 0 .3rem}
                  input{width:100%%;box-sizing:border-box;padding:.6rem .7rem;border:1px solid #c4ccd8;border-radius:6px;font-size:1rem}
                  button{margin-top:1.4rem;width:100%%;padding:.65rem;border:0;border-radius:6px;background:#1f5fd6;color:#fff;font-size:1rem;
                         font-weight:600;cursor:pointer}
                  .error{background:#fdecec;color:#9b1c1c;border-radius:6px;padding:.55rem .7rem;font-size:.9rem}
                  .info{background:#eaf3ea;color:#1f5e2b;border-radius:6px;padding:.55rem .7rem;font-size:.9rem}
                </style></head>
                <body><main>
                  <h1>Sextant</h1><p class="sub">Sign in to the operator console</p>
                  %s
                  <form method="post" action="%s">
                    <label for="username">Username</label>
                    <input id="username" name="username" autocomplete="username" required value="%s"%s>
                    <label for="password">Password</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required%s>
                    <input type="hidden" name="%s" value="%s">
                    <button id="sign-in" type="submit">Sign in</button>
                  </form>
                </main></body></html>
                """.formatted(message, request.getContextPath() + SecurityConfiguration.IDP_LOGIN, username, usernameFocus, passwordFocus,
                csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
