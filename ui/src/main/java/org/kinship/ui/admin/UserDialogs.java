package org.kinship.ui.admin;

import java.security.SecureRandom;

import org.jspecify.annotations.Nullable;
import org.kinship.security.AgencyAdministration;
import org.kinship.security.KinshipUser;
import org.kinship.security.PermissionService;
import org.kinship.security.RoleService;
import org.kinship.security.TotpService;
import org.kinship.security.UserAccount;
import org.kinship.security.UserAdministration;
import org.kinship.security.UserGroupService;
import org.springframework.stereotype.Component;

/** The services a user dialog needs, in one place, and the generator of reset passwords. */
@Component
public class UserDialogs {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-";

    private final UserAdministration administration;
    private final RoleService roles;
    private final UserGroupService groups;
    private final AgencyAdministration agencies;
    private final TotpService totp;
    private final PermissionService permissions;

    UserDialogs(UserAdministration administration, RoleService roles, UserGroupService groups,
            AgencyAdministration agencies, TotpService totp, PermissionService permissions) {
        this.permissions = permissions;
        this.administration = administration;
        this.roles = roles;
        this.groups = groups;
        this.agencies = agencies;
        this.totp = totp;
    }

    UserAdministration administration() {
        return administration;
    }

    RoleService roles() {
        return roles;
    }

    UserGroupService groups() {
        return groups;
    }

    AgencyAdministration agencies() {
        return agencies;
    }

    PermissionService permissions() {
        return permissions;
    }

    TotpService totp() {
        return totp;
    }

    UserDialog open(KinshipUser actor, @Nullable UserAccount account, Runnable saved) {
        return new UserDialog(this, actor, account, saved);
    }

    /** A random 18-character password, shown once to the administrator who reset it. */
    static String generatePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 18; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
