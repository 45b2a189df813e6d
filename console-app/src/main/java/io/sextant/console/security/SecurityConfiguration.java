package io.sextant.console.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.sextant.platform.identity.ApiTokenDecoder;
import io.sextant.platform.identity.ConsoleSessionService;
import io.sextant.platform.identity.LoginAttemptService;
import io.sextant.platform.identity.PersonalAccessTokenService;
import io.sextant.platform.identity.TokenRevocationService;
import jakarta.servlet.DispatcherType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer.AuthorizedUrl;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Four filter chains, most specific first: the built-in identity provider's protocol endpoints,
 * its sign-in page, the bearer-token REST facade, and the Vaadin console (OIDC login against
 * the provider, durable console sessions). See docs/decisions/D005-identity.md.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String IDP_LOGIN = "/idp/login";

    /** Method and request authorization publish their refusals, which {@link RefusalAuditor} records. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    @Bean
    @Order(1)
    SecurityFilterChain identityProviderEndpoints(HttpSecurity http, TokenRevocationService revocations) throws Exception {
        OAuth2AuthorizationServerConfigurer as = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(as.getEndpointsMatcher())
                .with(as, a -> a
                        .oidc(Customizer.withDefaults())
                        .tokenRevocationEndpoint(r -> r.revocationResponseHandler(new RevocationRecorder(revocations))))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterBefore(new SingleUseProviderSession("/oauth2/authorize"), SecurityContextHolderFilter.class)
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(IDP_LOGIN), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain identityProviderLogin(HttpSecurity http, LoginAttemptService attempts) throws Exception {
        http.securityMatcher("/idp/**")
                .authorizeHttpRequests(a -> a.requestMatchers(IDP_LOGIN, "/idp/assets/**").permitAll().anyRequest().denyAll())
                .addFilterBefore(new LoginThrottleFilter(attempts, IDP_LOGIN), UsernamePasswordAuthenticationFilter.class)
                .formLogin(f -> f.loginPage(IDP_LOGIN).loginProcessingUrl(IDP_LOGIN)
                        .failureHandler(new LoginOutcomeHandlers.Failure(attempts, IDP_LOGIN))
                        .successHandler(new LoginOutcomeHandlers.Success(attempts)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain restApi(HttpSecurity http, ApiTokenDecoder apiTokens, PersonalAccessTokenService pats) throws Exception {
        http.securityMatcher("/api/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable()) // bearer tokens only: no cookie can authenticate here, so no request can be forged
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/openapi", "/api/v1/health").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(new BearerAuthentication(apiTokens.asJwtDecoder(), pats)))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain console(HttpSecurity http, ConsoleSessionService sessions, ClientRegistrationRepository registrations,
            ConsoleOidcUserService oidcUsers) throws Exception {
        http.authorizeHttpRequests(a -> a
                        // an error already decided (a 401/403/404 of any chain) is rendered as it is, not turned into a sign-in redirect
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/VAADIN").denyAll()
                        .requestMatchers("/styles/**", "/images/**", "/favicon.ico").permitAll())
                .addFilterBefore(new FrameworkRequestGuard(), SecurityContextHolderFilter.class)
                .addFilterAfter(new ConsoleSessionFilter(sessions), SecurityContextHolderFilter.class)
                .oauth2Login(o -> o
                        .authorizationEndpoint(e -> e.authorizationRequestResolver(Pkce.resolver(registrations)))
                        .userInfoEndpoint(u -> u.oidcUserService(oidcUsers)))
                .with(VaadinSecurityConfigurer.vaadin(), v -> v
                        .oauth2LoginPage("/oauth2/authorization/sextant", "{baseUrl}/")
                        // An address that is no route reaches the router for a signed-in operator, which answers with the
                        // console's own "not found" page; the default (deny) answered 403 with the framework's error page.
                        // Strangers are still sent to sign-in first, and each screen's roles are still checked by navigation.
                        .anyRequest(AuthorizedUrl::authenticated)
                        .addLogoutHandler(new ConsoleLogoutHandler(sessions)));
        return http.build();
    }
}
