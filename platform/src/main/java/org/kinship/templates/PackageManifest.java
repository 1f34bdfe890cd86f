package org.kinship.templates;

import java.util.Map;

/**
 * Who published which version of a package, and the oldest Kinship version able to read it.
 *
 * @param id             stable package id, e.g. {@code org.kinship.child-protection}
 * @param version        the package's own version ({@code 1.2.0}); a newer one upgrades an installed one
 * @param publisher      display name of the publisher
 * @param kinshipVersion the Kinship version the package targets; a newer one than this instance is refused
 * @param title          title per language
 */
public record PackageManifest(String id, String version, String publisher, String kinshipVersion,
        Map<String, String> title) {

    public PackageManifest {
        title = Map.copyOf(title);
    }
}
