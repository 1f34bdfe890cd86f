package org.kinship.ui.testing;

import java.util.Set;

import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccount;
import org.kinship.security.UserAccountService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/** Creates the agency and the user when missing and signs them in for the test. */
public class KinshipUserContextFactory implements WithSecurityContextFactory<WithKinshipUser> {

    public static final String PASSWORD = "View-Test-Lantern-8";

    private final UserAccountService accounts;

    public KinshipUserContextFactory(UserAccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public SecurityContext createSecurityContext(WithKinshipUser annotation) {
        if (accounts.findAgency(annotation.agency()).isEmpty()) {
            accounts.createAgency(annotation.agency(), annotation.agency() + " agency");
        }
        UserAccount account = accounts.findByUsername(annotation.username()).orElseGet(() -> accounts.create(
                annotation.username(), PASSWORD, "Test " + annotation.username(), Set.of(annotation.role()),
                annotation.agency()));
        KinshipUser user = KinshipUser.of(account);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(role -> new SimpleGrantedAuthority(DefaultRoles.authority(role))).toList()));
        return context;
    }
}
