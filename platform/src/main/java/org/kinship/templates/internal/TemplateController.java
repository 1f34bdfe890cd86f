package org.kinship.templates.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditActor;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.templates.ExportRequest;
import org.kinship.templates.ImportPlan;
import org.kinship.templates.InstalledPackage;
import org.kinship.templates.Resolution;
import org.kinship.templates.TemplateService;
import org.kinship.templates.TrustedKey;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/templates}: installed packages, import (with {@code ?dryRun=true} for a preview and
 * {@code ?resolve=<conflict key>=LOCAL|UPSTREAM} for conflict choices), export, trusted keys. Administrators
 * only (permission {@code form:manage}).
 */
@RestController
@RequestMapping("/api/v1/templates")
class TemplateController {

    private final TemplateService templates;
    private final PermissionService permissions;

    TemplateController(TemplateService templates, PermissionService permissions) {
        this.templates = templates;
        this.permissions = permissions;
    }

    @GetMapping
    List<InstalledPackage> installed(@AuthenticationPrincipal KinshipUser user) {
        requireManager(user);
        return templates.installed();
    }

    @PostMapping("/import")
    ImportPlan importPackage(@RequestBody String body, @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(name = "resolve", required = false) @Nullable List<String> resolve,
            @AuthenticationPrincipal KinshipUser user, Locale locale) {
        requireManager(user);
        if (dryRun) {
            return templates.preview(body, locale);
        }
        return templates.apply(body, resolutions(resolve), AuditActor.of(user), locale);
    }

    @PostMapping("/export")
    ResponseEntity<String> export(@RequestBody ExportRequest request, @AuthenticationPrincipal KinshipUser user) {
        requireManager(user);
        String file = templates.export(request, AuditActor.of(user));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + request.packageId() + "-"
                        + request.version() + ".kinship-template.json\"")
                .body(file);
    }

    @GetMapping("/keys")
    List<TrustedKey> keys(@AuthenticationPrincipal KinshipUser user) {
        requireManager(user);
        return templates.trustedKeys();
    }

    /** Body {@code {name, publicKey}}: trusts a publisher's key. */
    @PostMapping("/keys")
    TrustedKey trust(@RequestBody Map<String, String> body, @AuthenticationPrincipal KinshipUser user) {
        requireManager(user);
        return templates.trust(body.getOrDefault("name", "publisher"), body.getOrDefault("publicKey", ""),
                AuditActor.of(user));
    }

    private void requireManager(KinshipUser user) {
        permissions.require(user, Resource.FORM, Action.MANAGE, null);
    }

    private static Map<String, Resolution> resolutions(@Nullable List<String> resolve) {
        Map<String, Resolution> resolutions = new LinkedHashMap<>();
        if (resolve != null) {
            for (String entry : resolve) {
                int split = entry.lastIndexOf('=');
                if (split > 0) {
                    resolutions.put(entry.substring(0, split),
                            Resolution.valueOf(entry.substring(split + 1).trim().toUpperCase(Locale.ROOT)));
                }
            }
        }
        return resolutions;
    }
}
