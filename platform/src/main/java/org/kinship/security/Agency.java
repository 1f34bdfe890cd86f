package org.kinship.security;

/**
 * An organisation whose staff use Kinship. Its code appears in case numbers and scopes what staff may see.
 */
public record Agency(String id, String code, String name, long version) {
}
