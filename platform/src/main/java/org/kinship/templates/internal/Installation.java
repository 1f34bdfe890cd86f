package org.kinship.templates.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.kinship.templates.PackageManifest;

/** Which version of a package is installed here ({@code template_installations}, id = package id). */
record Installation(String id, PackageManifest manifest, Instant installedAt, String installedBy,
        @Nullable String signedBy, long revision) {
}
