package org.kinship.cases;

import org.kinship.security.KinshipUser;

/** Case lists answered from the case index, limited to what the user may see. */
public interface CaseListService {

    CasePage list(KinshipUser user, CaseQuery query);
}
