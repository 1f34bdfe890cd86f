package org.kinship.ui.shell;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.kinship.security.OidcLogin;
import org.kinship.security.internal.KinshipAuthenticationDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The browser UI: Vaadin's form login at {@code /login}, session-based, with Vaadin's CSRF protection; the
 * sign-in form's {@code otp} field reaches the authentication provider through {@link KinshipAuthenticationDetails}.
 * Ordered after the API and actuator chains of the platform, it handles every other request. When configured, the
 * platform's OpenID Connect sign-in is added next to the form (ADR 0018); the form keeps working without it.
 */
@Configuration(proxyBeanMethods = false)
class UiSecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain uiSecurity(HttpSecurity http, OidcLogin oidc) throws Exception {
        // /vendor/**: open-source JavaScript libraries served as static files (ADR 0013); without this rule Vaadin's
        // configurer answers 403 to anything that is not a view
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/styles/**", "/icons/**", "/images/**", "/error",
                "/vendor/**").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        // After Vaadin's configurer, so that its login view is known before form login initialises (otherwise
        // Spring's default login page appears). The second factor's code comes as form field "otp" (LoginView).
        http.formLogin(form -> form.authenticationDetailsSource(KinshipAuthenticationDetails::new));
        oidc.configure(http, "/login");
        return http.build();
    }
}
