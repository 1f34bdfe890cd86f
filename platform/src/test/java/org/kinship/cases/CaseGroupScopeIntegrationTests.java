package org.kinship.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.Permission.Scope;
import org.kinship.security.RoleService;
import org.kinship.security.UserAccountService;
import org.kinship.security.UserGroupService;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A case is shared with the teams of the worker who registers it: the group scope reaches it across agencies. */
@PlatformIntegrationTest
class CaseGroupScopeIntegrationTests {

    @Autowired
    UserAccountService accounts;

    @Autowired
    RoleService roles;

    @Autowired
    UserGroupService groups;

    @Autowired
    CaseFileService cases;

    @Autowired
    CaseListService list;

    @Test
    void aTeamSupervisorWithGroupScopeSeesTheCasesOfTeamMembersInOtherAgenciesAndNoOthers() {
        KinshipUser admin = KinshipUser.of(accounts.findByUsername(PlatformIntegrationTest.ADMIN).orElseThrow());
        roles.create(admin, "group_case_supervisor", Map.of("en", "Team supervisor"),
                Set.of(Permission.of(Resource.CASE, Action.VIEW, Scope.GROUP),
                        Permission.of(Resource.CASE, Action.VIEW_SENSITIVE, Scope.GROUP)));
        CaseTestUsers users = new CaseTestUsers(accounts);
        KinshipUser member = users.worker("GRPB");
        KinshipUser outsider = users.worker("GRPB");
        KinshipUser supervisor = users.create("group_case_supervisor", "GRPA");
        var team = groups.create(admin, "Border team", Set.of(member.id(), supervisor.id()), Set.of("GRPA", "GRPB"));

        CaseFile shared = CaseFiles.aRegisteredCase().named("Zainab", "Farouk").registeredBy(cases, member);
        CaseFile other = CaseFiles.aRegisteredCase().named("Nadia", "Farouk").registeredBy(cases, outsider);

        assertThat(shared.groupIds()).containsExactly(team.id());
        assertThat(other.groupIds()).isEmpty();
        assertThat(cases.get(supervisor, shared.id()).id()).isEqualTo(shared.id());
        assertThatThrownBy(() -> cases.get(supervisor, other.id())).isInstanceOf(CaseNotFoundException.class);
        CasePage found = list.list(supervisor, new CaseQuery(null, null, null, null, null, null, null, null, null,
                null, null, "Farouk", CaseQuery.SortField.REGISTERED_AT, true, 0, 20));
        assertThat(found.items()).extracting(CaseSummary::id).containsExactly(shared.id());
        assertThatThrownBy(() -> cases.get(users.create(DefaultRoles.CASE_WORKER, "GRPA"), shared.id()))
                .isInstanceOf(CaseNotFoundException.class);
    }
}
