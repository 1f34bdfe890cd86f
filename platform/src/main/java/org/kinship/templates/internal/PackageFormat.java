package org.kinship.templates.internal;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.templates.PackageManifest;
import org.kinship.templates.PackageRefusedException;
import org.kinship.templates.PackageRefusedException.Reason;
import org.kinship.templates.ServiceLevelTarget;
import org.kinship.templates.TemplatePackage;
import org.kinship.templates.WorkflowFile;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The package file: one JSON document {@code {format, manifest, content, signature}} (ADR 0007). The signature
 * covers the canonical JSON of {@code {format, manifest, content}}.
 */
public final class PackageFormat {

    static final String FORMAT = "kinship-template-package/1";

    /** A package file read but not yet trusted: its content and what its signature claims. */
    record Unverified(TemplatePackage content, String signedText, @Nullable String publicKey,
            @Nullable String signature) {
    }

    private PackageFormat() {
    }

    static Unverified read(String text) {
        JsonNode root;
        try {
            root = CanonicalJson.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw notAPackage("not JSON");
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asString(""))) {
            throw notAPackage("format is not " + FORMAT);
        }
        try {
            PackageManifest manifest = CanonicalJson.MAPPER.treeToValue(root.get("manifest"), PackageManifest.class);
            if (manifest == null || blank(manifest.id()) || blank(manifest.version()) || blank(manifest.publisher())
                    || blank(manifest.kinshipVersion()) || !KinshipVersion.isVersion(manifest.kinshipVersion())) {
                throw notAPackage("manifest needs id, version, publisher and kinshipVersion");
            }
            JsonNode content = root.get("content");
            if (content == null || !content.isObject()) {
                throw notAPackage("no content");
            }
            List<WorkflowFile> workflows = List.of(CanonicalJson.MAPPER.treeToValue(
                    content.path("workflows").isArray() ? content.get("workflows") : CanonicalJson.MAPPER.createArrayNode(),
                    WorkflowFile[].class));
            TemplatePackage pkg = new TemplatePackage(manifest, texts(content.get("forms")),
                    texts(content.get("lookups")), workflows, serviceLevels(content.get("serviceLevels")), null);
            JsonNode signature = root.path("signature");
            return new Unverified(pkg, CanonicalJson.write(signedPart(root)),
                    signature.path("publicKey").isString() ? signature.get("publicKey").asString() : null,
                    signature.path("value").isString() ? signature.get("value").asString() : null);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw notAPackage(e.getMessage() == null ? "unreadable" : e.getMessage());
        }
    }

    /** The package file of {@code pkg}, signed with {@code key}. */
    static String write(TemplatePackage pkg, InstanceKey key) {
        return write(pkg, new KeyPair(key.publicKey(), key.privateKey()));
    }

    /** The package file of {@code pkg}, signed with {@code key} (also how a publisher's tooling signs). */
    public static String write(TemplatePackage pkg, KeyPair key) {
        ObjectNode root = CanonicalJson.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.set("manifest", CanonicalJson.MAPPER.valueToTree(pkg.manifest()));
        ObjectNode content = root.putObject("content");
        ArrayNode forms = content.putArray("forms");
        pkg.forms().forEach(form -> forms.add(CanonicalJson.MAPPER.readTree(form)));
        ArrayNode lookups = content.putArray("lookups");
        pkg.lookups().forEach(lookup -> lookups.add(CanonicalJson.MAPPER.readTree(lookup)));
        content.set("workflows", CanonicalJson.MAPPER.valueToTree(pkg.workflows()));
        content.putObject("serviceLevels").set("targets", CanonicalJson.MAPPER.valueToTree(pkg.serviceLevels()));
        ObjectNode signature = root.putObject("signature");
        signature.put("algorithm", "Ed25519");
        signature.put("keyId", Ed25519.keyId(key.getPublic()));
        signature.put("publicKey", Ed25519.encode(key.getPublic()));
        signature.put("value", Ed25519.sign(key.getPrivate(), CanonicalJson.write(signedPart(root))));
        return CanonicalJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** The standard set's {@code service-levels.json}: {@code {targets: [{riskLevel, assessmentHours, casePlanHours}]}}. */
    static List<ServiceLevelTarget> serviceLevels(@Nullable JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        return List.of(CanonicalJson.MAPPER.treeToValue(node.get("targets"), ServiceLevelTarget[].class));
    }

    private static ObjectNode signedPart(JsonNode root) {
        ObjectNode signed = CanonicalJson.MAPPER.createObjectNode();
        for (String name : List.of("format", "manifest", "content")) {
            signed.set(name, root.get(name));
        }
        return signed;
    }

    private static List<String> texts(@Nullable JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                if (!item.isObject()) {
                    throw new IllegalArgumentException("forms and lookups must be JSON objects");
                }
                texts.add(CanonicalJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(item));
            }
        }
        return texts;
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private static PackageRefusedException notAPackage(String detail) {
        return new PackageRefusedException(Reason.NOT_A_PACKAGE, detail);
    }
}
