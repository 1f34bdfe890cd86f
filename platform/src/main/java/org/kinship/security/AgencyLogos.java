package org.kinship.security;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.internal.MongoAgencyLogoRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Agency logos: anyone signed in may see them; changing one needs {@code agency:manage:all} and is audited as
 * a configuration change. Only PNG, JPEG or GIF up to {@value #MAX_BYTES} bytes, checked by their first bytes
 * (not the name or declared type), so that a logo cannot carry a script.
 */
@Service
public class AgencyLogos {

    public static final int MAX_BYTES = 256 * 1024;

    private static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/gif");

    private final MongoAgencyLogoRepository logos;
    private final UserAccountService accounts;
    private final PermissionService permissions;
    private final ApplicationEventPublisher events;

    AgencyLogos(MongoAgencyLogoRepository logos, UserAccountService accounts, PermissionService permissions,
            ApplicationEventPublisher events) {
        this.logos = logos;
        this.accounts = accounts;
        this.permissions = permissions;
        this.events = events;
    }

    public Optional<AgencyLogo> logo(String agencyCode) {
        return logos.find(agencyCode);
    }

    /** @throws IllegalArgumentException when the agency is unknown or the file is not a small PNG, JPEG or GIF */
    public AgencyLogo upload(KinshipUser actor, String agencyCode, byte[] bytes) {
        permissions.requireEverywhere(actor, Resource.AGENCY, Action.MANAGE, agencyCode);
        if (accounts.findAgency(agencyCode).isEmpty()) {
            throw new IllegalArgumentException("Unknown agency " + agencyCode);
        }
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("A logo has at most " + MAX_BYTES / 1024 + " KB");
        }
        String type = sniff(bytes);
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("A logo is a PNG, JPEG or GIF image");
        }
        AgencyLogo logo = new AgencyLogo(agencyCode, type, bytes);
        logos.save(logo);
        events.publishEvent(new SecurityChanged(actor.id(), actor.username(), SecurityChanged.CONFIG_CHANGE, "agency",
                agencyCode, Map.of("change", "logo", "contentType", type, "bytes", String.valueOf(bytes.length))));
        return logo;
    }

    private static String sniff(byte[] bytes) {
        if (starts(bytes, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(bytes, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        return "application/octet-stream";
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
