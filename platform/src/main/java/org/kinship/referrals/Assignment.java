package org.kinship.referrals;

/** A case (re)assigned: its new responsible worker and the case version the change produced. */
public record Assignment(String caseId, String ownerId, long version) {
}
