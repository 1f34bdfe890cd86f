package org.kinship.tracing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The reference of a potential match in URLs: the unordered pair of profile ids, encoded URL-safe (so ids that
 * contain separators travel intact).
 */
public final class MatchReferences {

    private MatchReferences() {
    }

    public static String of(String oneId, String otherId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(PotentialMatch.pairKey(oneId, otherId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The two profile ids of a reference.
     *
     * @throws TracingRequestNotFoundException when it is no reference
     */
    public static String[] decode(String reference) {
        try {
            String[] ids = new String(Base64.getUrlDecoder().decode(reference), StandardCharsets.UTF_8).split("\\|");
            if (ids.length != 2 || ids[0].isBlank() || ids[1].isBlank()) {
                throw new TracingRequestNotFoundException(reference);
            }
            return ids;
        } catch (IllegalArgumentException e) {
            throw new TracingRequestNotFoundException(reference);
        }
    }
}
