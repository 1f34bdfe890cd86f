package org.kinship.templates.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.kinship.templates.ImportPlan;
import org.kinship.templates.PackageManifest;
import org.kinship.templates.TemplatePackage;
import org.kinship.templates.TemplateSettings;
import org.kinship.templates.UnresolvedConflictsException;
import org.kinship.templates.WorkflowFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * At start, installs and publishes every package bundled with the product ({@code templates/<name>/package.json}
 * on the classpath, from the {@code form-templates} jar) that is not installed yet, so a fresh instance can
 * register a child straight away. A package already installed is left alone: a restart duplicates nothing.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class BundledPackages implements ApplicationRunner {

    static final String PATTERN = "classpath*:templates/*/package.json";
    private static final Logger log = LoggerFactory.getLogger(BundledPackages.class);

    private final PackageImporter importer;
    private final TemplateSettings settings;
    private final AuditLog audit;

    BundledPackages(PackageImporter importer, TemplateSettings settings, AuditLog audit) {
        this.importer = importer;
        this.settings = settings;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!settings.installStandardSet()) {
            return;
        }
        for (Resource manifest : new PathMatchingResourcePatternResolver().getResources(PATTERN)) {
            install(read(manifest));
        }
    }

    /**
     * Installs a bundled package that is not installed, or upgrades to a newer bundled version with the same
     * three-way merge as an import; with conflicts nothing changes and the log says so.
     */
    void install(TemplatePackage pkg) {
        String id = pkg.manifest().id();
        String version = pkg.manifest().version();
        Optional<String> installed = importer.installedVersion(id);
        if (installed.isPresent() && KinshipVersion.compare(version, installed.get()) <= 0) {
            return;
        }
        try {
            ImportPlan plan = importer.installBundled(pkg, AuditActor.SYSTEM.username(), Locale.ENGLISH);
            audit.record(AuditActor.SYSTEM, AuditActions.TEMPLATE_IMPORT, "template", id, AuditOutcome.SUCCESS,
                    Map.of("version", version, "changes", String.valueOf(plan.effective().size())));
            log.info("Installed the bundled template package {} {}", id, version);
        } catch (UnresolvedConflictsException e) {
            log.warn("Bundled template package {} {} conflicts with {} local changes; not installed", id, version,
                    e.unresolved().size());
        }
    }

    /** A bundled package: the manifest lists its files relative to the manifest's folder. */
    static TemplatePackage read(Resource manifestResource) throws IOException {
        JsonNode manifest = CanonicalJson.MAPPER.readTree(text(manifestResource));
        List<String> forms = new ArrayList<>();
        for (JsonNode path : manifest.path("forms")) {
            forms.add(text(manifestResource.createRelative(path.asString())));
        }
        List<String> lookups = new ArrayList<>();
        for (JsonNode path : manifest.path("lookups")) {
            lookups.add(text(manifestResource.createRelative(path.asString())));
        }
        List<WorkflowFile> workflows = new ArrayList<>();
        for (JsonNode path : manifest.path("workflows")) {
            String name = path.asString();
            workflows.add(new WorkflowFile(name.substring(name.lastIndexOf('/') + 1),
                    text(manifestResource.createRelative(name))));
        }
        JsonNode serviceLevels = manifest.path("serviceLevels").isString()
                ? CanonicalJson.MAPPER.readTree(text(manifestResource.createRelative(
                        manifest.get("serviceLevels").asString())))
                : null;
        PackageManifest info = CanonicalJson.MAPPER.treeToValue(manifest, PackageManifest.class);
        return new TemplatePackage(info, forms, lookups, workflows, PackageFormat.serviceLevels(serviceLevels), null);
    }

    private static String text(Resource resource) {
        try (var in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled template file " + resource, e);
        }
    }
}
