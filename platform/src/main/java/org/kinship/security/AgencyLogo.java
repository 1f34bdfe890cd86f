package org.kinship.security;

/**
 * An agency's logo, shown beside its name. Small raster images only: {@link AgencyLogos} refuses anything else.
 *
 * @param contentType {@code image/png}, {@code image/jpeg} or {@code image/gif}
 */
public record AgencyLogo(String agencyCode, String contentType, byte[] bytes) {

    public AgencyLogo {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
