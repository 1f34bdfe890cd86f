package org.kinship.templates;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.kinship.templates.internal.PackageExporter;
import org.kinship.templates.internal.PackageImporter;
import org.kinship.templates.internal.TrustStore;
import org.springframework.stereotype.Service;

/**
 * Template packages for administrators: what is installed (with this instance's local adaptations), preview
 * and apply of a package file, export of this instance's forms as a signed package, and the publisher keys
 * trusted here. A refused package changes nothing. Imports, exports and trust changes are audited.
 */
@Service
public class TemplateService {

    private final PackageImporter importer;
    private final PackageExporter exporter;
    private final TrustStore trust;
    private final AuditLog audit;

    TemplateService(PackageImporter importer, PackageExporter exporter, TrustStore trust, AuditLog audit) {
        this.importer = importer;
        this.exporter = exporter;
        this.trust = trust;
        this.audit = audit;
    }

    public List<InstalledPackage> installed() {
        return importer.installed();
    }

    /** What {@link #apply} would do, storing nothing. */
    public ImportPlan preview(String packageFile, Locale locale) {
        return importer.preview(packageFile, locale);
    }

    /**
     * Applies the package: upstream changes, local adaptations kept, conflicts settled by {@code resolutions}
     * (keyed by {@link MergeConflict#key()}).
     *
     * @throws PackageRefusedException      when the package may not be applied at all
     * @throws UnresolvedConflictsException when a conflict has no resolution; nothing is applied
     */
    public ImportPlan apply(String packageFile, Map<String, Resolution> resolutions, AuditActor actor,
            Locale locale) {
        try {
            ImportPlan plan = importer.apply(packageFile, resolutions, actor.username(), locale);
            audit.record(actor, AuditActions.TEMPLATE_IMPORT, "template", plan.manifest().id(), AuditOutcome.SUCCESS,
                    Map.of("version", plan.manifest().version(), "changes", String.valueOf(plan.effective().size()),
                            "conflicts", String.valueOf(plan.conflicts().size())));
            return plan;
        } catch (PackageRefusedException e) {
            audit.record(actor, AuditActions.TEMPLATE_IMPORT, "template", null, AuditOutcome.FAILURE,
                    Map.of("reason", e.reason().name()));
            throw e;
        }
    }

    /** A signed package of the chosen forms' latest published versions, their lookups and the service levels. */
    public String export(ExportRequest request, AuditActor actor) {
        String file = exporter.export(request);
        audit.record(actor, AuditActions.TEMPLATE_EXPORT, "template", request.packageId(), AuditOutcome.SUCCESS,
                Map.of("version", request.version(), "forms", String.join(" ", request.formIds())));
        return file;
    }

    public List<TrustedKey> trustedKeys() {
        return trust.keys();
    }

    /** Trusts a publisher's Ed25519 public key (Base64 X.509); {@link IllegalArgumentException} when it is not one. */
    public TrustedKey trust(String name, String publicKey, AuditActor actor) {
        TrustedKey key = trust.trust(name, publicKey);
        audit.record(actor, AuditActions.TEMPLATE_TRUST, "template-key", key.keyId(), AuditOutcome.SUCCESS);
        return key;
    }

    /** The current service-level targets, one per risk level (from the installed packages). */
    public List<ServiceLevelTarget> serviceLevels() {
        return importer.serviceLevels();
    }

    /** The target for one risk level ({@code high}, {@code medium}, {@code low}), if any. */
    public Optional<ServiceLevelTarget> serviceLevel(String riskLevel) {
        return serviceLevels().stream().filter(target -> target.riskLevel().equals(riskLevel)).findFirst();
    }
}
