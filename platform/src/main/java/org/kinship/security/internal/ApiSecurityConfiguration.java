package org.kinship.security.internal;

import org.kinship.security.DefaultRoles;
import org.kinship.security.FirstStartSettings;
import org.kinship.security.LoginSettings;
import org.kinship.security.OidcSettings;
import org.kinship.security.TotpSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The REST API ({@code /api/**}) authenticates every request with HTTP Basic and keeps no session, so no
 * cookie can be ridden across sites (hence no CSRF token). Users with a second factor send the current code
 * in {@code X-Kinship-OTP}; users who must enrol one reach only {@code /api/v1/me} and {@code /api/v1/me/totp}.
 * Actuator health and info are public; the rest of the actuator is for administrators. The UI has its own
 * chain (Vaadin form login) in the ui module; it should use {@link KinshipAuthenticationDetails} too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LoginSettings.class, FirstStartSettings.class, TotpSettings.class, OidcSettings.class})
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiAuthenticationEntryPoint entryPoint) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/me", "/api/v1/me/totp", "/api/v1/me/totp/**").authenticated()
                        .anyRequest().access(AuthorizationManagers.allOf(
                                AuthenticatedAuthorizationManager.authenticated(),
                                AuthorizationManagers.not(AuthorityAuthorizationManager.hasAuthority(
                                        KinshipAuthenticationProvider.TOTP_ENROLMENT_REQUIRED)))))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint)
                        .authenticationDetailsSource(KinshipAuthenticationDetails::new))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(entryPoint))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain actuatorSecurity(HttpSecurity http, ApiAuthenticationEntryPoint entryPoint) throws Exception {
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().hasAuthority(DefaultRoles.authority(DefaultRoles.ADMINISTRATOR)))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint)
                        .authenticationDetailsSource(KinshipAuthenticationDetails::new))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** bcrypt for new hashes; the {@code {id}} prefix lets a later change of algorithm upgrade old hashes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
