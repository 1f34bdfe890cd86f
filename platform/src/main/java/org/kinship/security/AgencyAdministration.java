package org.kinship.security;

import java.util.List;
import java.util.Map;

import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.Permission.Scope;
import org.kinship.security.internal.MongoAgencyRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Creating and renaming agencies: {@code agency:manage:all}, audited as configuration changes. */
@Service
public class AgencyAdministration {

    private final UserAccountService accounts;
    private final MongoAgencyRepository agencies;
    private final PermissionService permissions;
    private final ApplicationEventPublisher events;

    AgencyAdministration(UserAccountService accounts, MongoAgencyRepository agencies, PermissionService permissions,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.agencies = agencies;
        this.permissions = permissions;
        this.events = events;
    }

    /** Every agency for those who may see all, otherwise the user's own. */
    public List<Agency> agencies(KinshipUser actor) {
        Scope scope = permissions.widestScope(actor, Resource.AGENCY, Action.VIEW)
                .orElseThrow(() -> permissions.deny(actor, Resource.AGENCY, Action.VIEW, null, "missing_permission"));
        List<Agency> all = agencies.findAll();
        return scope == Scope.ALL ? all
                : all.stream().filter(agency -> agency.code().equals(actor.agencyCode())).toList();
    }

    public Agency create(KinshipUser actor, String code, String name) {
        requireManager(actor, code);
        Agency agency = accounts.createAgency(code, checkName(name));
        changed(actor, agency, "created");
        return agency;
    }

    /** @throws org.kinship.shared.StaleVersionException when someone else changed the agency since {@code version} */
    public Agency rename(KinshipUser actor, String code, String name, long version) {
        requireManager(actor, code);
        Agency current = agencies.findByCode(code)
                .orElseThrow(() -> new IllegalArgumentException("Unknown agency " + code));
        Agency stored = agencies.update(new Agency(current.id(), current.code(), checkName(name), version));
        changed(actor, stored, "renamed");
        return stored;
    }

    private void requireManager(KinshipUser actor, String code) {
        permissions.requireEverywhere(actor, Resource.AGENCY, Action.MANAGE, code);
    }

    private void changed(KinshipUser actor, Agency agency, String what) {
        events.publishEvent(new SecurityChanged(actor.id(), actor.username(), SecurityChanged.CONFIG_CHANGE, "agency",
                agency.code(), Map.of("change", what)));
    }

    private static String checkName(String name) {
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("An agency name has 1 to 200 characters");
        }
        return name.strip();
    }
}
