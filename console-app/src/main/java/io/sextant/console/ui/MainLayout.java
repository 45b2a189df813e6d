package io.sextant.console.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;

/**
 * The console shell: side navigation by capability, built from the routes the signed-in
 * operator may open (so there are no dead or forbidden links), and a user menu with sign-out.
 */
@Layout
@PermitAll
class MainLayout extends AppLayout {

    MainLayout(AuthenticationContext auth) {
        setPrimarySection(Section.DRAWER);
        Span brand = new Span("Sextant");
        brand.addClassName("sx-brand");
        Div drawerHeader = new Div(brand, new Span("Operator console"));
        drawerHeader.addClassName("sx-drawer-header");
        addToDrawer(drawerHeader, navigation());

        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle());
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        Div spacer = new Div();
        bar.add(spacer);
        bar.setFlexGrow(1, spacer);
        auth.getAuthenticatedUser(Object.class).ifPresent(u -> bar.add(userMenu(auth)));
        bar.addClassName("sx-navbar");
        addToNavbar(bar);
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("side-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private MenuBar userMenu(AuthenticationContext auth) {
        String name = auth.getPrincipalName().orElse("operator");
        String roles = auth.getGrantedAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5).replace('_', ' ').toLowerCase())
                .sorted().collect(Collectors.joining(", "));
        Avatar avatar = new Avatar(name);
        avatar.addThemeName("xsmall");
        MenuBar menu = new MenuBar();
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        var top = menu.addItem(new HorizontalLayout(avatar, new Span(name)));
        top.getSubMenu().addItem(new Span("Roles: " + (roles.isEmpty() ? "none" : roles))).setEnabled(false);
        top.getSubMenu().addItem("Sign out", e -> auth.logout()).setId("sign-out");
        return menu;
    }
}
