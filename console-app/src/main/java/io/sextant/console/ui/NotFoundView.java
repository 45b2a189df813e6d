package io.sextant.console.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An address that is no screen of the console (a typo, an old bookmark, a screen that needs an id
 * given without one): the console's own page inside its layout, with the menu and a way on, in
 * place of the framework's bare "Could not navigate". Signed-in operators only; a signed-out
 * visitor is sent to sign-in before any page.
 */
@PageTitle("Page not found · Sextant")
@ParentLayout(MainLayout.class)
@PermitAll
class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    /** Long enough for any real address; a longer one is cut, so the page cannot be made to carry a message. */
    static final int SHOWN_PATH = 80;

    NotFoundView() {
        setId("not-found-view");
        setMaxWidth("820px");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        String path = "/" + event.getLocation().getPath();
        removeAll();
        add(new H1("Page not found"));
        Paragraph what = new Paragraph(new Span("There is no screen at "),
                new Code(path.length() > SHOWN_PATH ? path.substring(0, SHOWN_PATH) + "…" : path), new Span("."));
        what.setId("not-found-path");
        add(what, new Paragraph("What to do: check the address for a typo, or choose a screen from the menu. A project or a "
                + "change opens from its list (Projects, Change review), which adds its id to the address."),
                new Anchor("/", "Back to the overview"));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
