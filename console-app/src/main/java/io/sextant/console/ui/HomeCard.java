package io.sextant.console.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.Duration;
import java.time.Instant;

/**
 * One home card: a title, a headline, up to a page of links (each to where the operator acts), "and
 * N more" when the page is full, or an empty state that says what would show up here.
 */
final class HomeCard extends Div {

    private final UnorderedList lines = new UnorderedList();

    HomeCard(String id, String title) {
        setId(id);
        addClassNames("sx-card", "sx-home-card");
        Span t = new Span(title);
        t.addClassName("sx-card-title");
        add(t);
    }

    /** The headline, e.g. "3 waiting"; tone ok/warn/bad colours it. */
    HomeCard headline(String value, String tone) {
        Span v = new Span(value);
        v.addClassNames("sx-card-value-sm", "sx-home-headline");
        add(v);
        if (tone != null) {
            addClassName("sx-" + tone);
        }
        return this;
    }

    HomeCard line(Component link, String detail) {
        if (lines.getParent().isEmpty()) {
            lines.addClassName("sx-home-lines");
            add(lines);
        }
        Span d = new Span(detail);
        d.addClassName("sx-card-detail");
        lines.add(new ListItem(link, d));
        return this;
    }

    /** "and 4 more" / "and 94 or more": counts stop at a cap (D008), so past it the card says so. */
    HomeCard more(int more, boolean capped, String href, String what) {
        if (more > 0 || capped) {
            String text = "and " + more + (capped ? " or more " : " more ") + what;
            Component c = href == null ? new Span(text) : link(text, href);
            c.setId(getId().orElseThrow() + "-more");
            add(c);
        }
        return this;
    }

    HomeCard empty(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassNames("sx-card-detail", "sx-home-empty");
        p.setId(getId().orElseThrow() + "-empty");
        add(p);
        return this;
    }

    HomeCard detail(String text) {
        Span d = new Span(text);
        d.addClassName("sx-card-detail");
        add(d);
        return this;
    }

    HomeCard action(String text, String href) {
        Anchor a = link(text, href);
        a.addClassName("sx-home-action");
        a.setId(getId().orElseThrow() + "-action");
        add(a);
        return this;
    }

    /** An in-console link (the router handles it: no page reload). */
    static Anchor link(String text, String href) {
        Anchor a = new Anchor(href, text);
        a.getElement().setAttribute("router-link", true);
        return a;
    }

    /** "5 min ago", "3 h ago", "2 days ago". */
    static String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min ago";
        }
        if (d.toDays() < 2) {
            return d.toHours() + " h ago";
        }
        return d.toDays() + " days ago";
    }
}
