package org.kinship.cases.internal;

import java.util.List;
import java.util.Map;

import org.kinship.cases.CaseIndexService;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseRequestRefusedException.Reason;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Modules ({@code GET /api/v1/modules}, {@code PUT /api/v1/modules/{id}} for holders of {@code form:manage}
 * everywhere, with the module's current {@code version} in the body) and {@code POST /api/v1/cases/index/rebuild} (administrators).
 */
@RestController
class CaseAdminController {

    private final RecordModuleService modules;
    private final CaseIndexService index;

    CaseAdminController(RecordModuleService modules, CaseIndexService index) {
        this.modules = modules;
        this.index = index;
    }

    @GetMapping("/api/v1/modules")
    List<RecordModule> modules() {
        return modules.list();
    }

    @PutMapping("/api/v1/modules/{id}")
    RecordModule save(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestBody RecordModule module) {
        if (!id.equals(module.id())) {
            throw new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.module.idMismatch", module.id(), id);
        }
        return modules.save(user, module);
    }

    @PostMapping("/api/v1/cases/index/rebuild")
    Map<String, Long> rebuild(@AuthenticationPrincipal KinshipUser user) {
        requireAdministrator(user);
        return Map.of("indexed", index.rebuild());
    }

    private static void requireAdministrator(KinshipUser user) {
        if (!user.hasRole(DefaultRoles.ADMINISTRATOR)) {
            throw new CaseRequestRefusedException(Reason.FORBIDDEN, "cases.forbidden");
        }
    }
}
