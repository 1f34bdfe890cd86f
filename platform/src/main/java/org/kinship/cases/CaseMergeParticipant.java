package org.kinship.cases;

import org.kinship.security.KinshipUser;

/**
 * A feature that keeps something about cases and must follow a merge (tracing moves its reviewed matches from
 * the duplicate to the survivor). Called after both cases are stored, in the merging user's thread; a failure is
 * logged by case ids and does not undo the merge (the feature's own repair job catches up).
 */
public interface CaseMergeParticipant {

    /**
     * @param survivor  the case that stays, as stored after the merge
     * @param duplicate the case merged into it, closed, as stored after the merge
     */
    void merged(KinshipUser user, CaseFile survivor, CaseFile duplicate);
}
