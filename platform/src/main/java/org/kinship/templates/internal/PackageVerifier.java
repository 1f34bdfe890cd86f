package org.kinship.templates.internal;

import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.kinship.forms.DefinitionReport;
import org.kinship.forms.FormDefinitionValidator;
import org.kinship.forms.FormSchema;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupService;
import org.kinship.i18n.Messages;
import org.kinship.templates.PackageRefusedException;
import org.kinship.templates.PackageRefusedException.Reason;
import org.kinship.templates.TemplatePackage;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;

/**
 * Decides whether a package may be applied at all: it is a package, signed by a trusted key, unchanged since
 * it was signed, for this Kinship version or an older one, and every form in it is valid against its own
 * lookups and the installed ones. Any failure refuses the whole package before anything is stored.
 */
@Component
public class PackageVerifier {

    private final TrustStore trust;
    private final LookupService lookups;
    private final Messages messages;

    PackageVerifier(TrustStore trust, LookupService lookups, Messages messages) {
        this.trust = trust;
        this.lookups = lookups;
        this.messages = messages;
    }

    public TemplatePackage verify(String text, Locale locale) {
        PackageFormat.Unverified unverified = PackageFormat.read(text);
        if (unverified.publicKey() == null || unverified.signature() == null) {
            throw new PackageRefusedException(Reason.UNSIGNED, unverified.content().manifest().id());
        }
        PublicKey key = Ed25519.publicKey(unverified.publicKey())
                .orElseThrow(() -> new PackageRefusedException(Reason.BAD_SIGNATURE, "unreadable key"));
        String keyId = Ed25519.keyId(key);
        if (!trust.isTrusted(key)) {
            throw new PackageRefusedException(Reason.UNTRUSTED_PUBLISHER, keyId);
        }
        if (!Ed25519.verify(key, unverified.signedText(), unverified.signature())) {
            throw new PackageRefusedException(Reason.BAD_SIGNATURE, keyId);
        }
        TemplatePackage content = unverified.content();
        checkContent(content, locale);
        return new TemplatePackage(content.manifest(), content.forms(), content.lookups(), content.workflows(),
                content.serviceLevels(), keyId);
    }

    /** The checks that do not depend on a signature; the bundled standard set goes through these only. */
    public void checkContent(TemplatePackage pkg, Locale locale) {
        if (KinshipVersion.compare(pkg.manifest().kinshipVersion(), KinshipVersion.CURRENT) > 0) {
            throw new PackageRefusedException(Reason.NEWER_KINSHIP_VERSION, pkg.manifest().kinshipVersion());
        }
        Map<String, Lookup> own = new HashMap<>();
        for (String text : pkg.lookups()) {
            Lookup lookup = readLookup(text);
            own.put(lookup.id(), lookup);
        }
        FormDefinitionValidator validator = new FormDefinitionValidator(
                id -> Optional.ofNullable(own.get(id)).or(() -> lookups.findLookup(id)), messages);
        for (String form : pkg.forms()) {
            DefinitionReport report = validator.validate(form, locale);
            if (!report.valid()) {
                throw new PackageRefusedException(Reason.INVALID_FORM, formId(form), report.errors());
            }
        }
        pkg.workflows().forEach(BpmnCheck::check);
    }

    static Lookup readLookup(String text) {
        try {
            Lookup lookup = CanonicalJson.MAPPER.readValue(text, Lookup.class);
            if (lookup.id() == null || lookup.values() == null || lookup.name() == null) {
                throw new PackageRefusedException(Reason.INVALID_LOOKUP, "a lookup without id, name or values");
            }
            return lookup;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new PackageRefusedException(Reason.INVALID_LOOKUP, String.valueOf(e.getMessage()), List.of());
        }
    }

    static String formId(String form) {
        try {
            return FormSchema.parse(form).formId();
        } catch (RuntimeException e) {
            return "?";
        }
    }
}
