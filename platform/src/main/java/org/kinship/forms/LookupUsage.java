package org.kinship.forms;

/**
 * Tells whether a lookup value is used somewhere, so that it can be retired but not deleted. Each feature
 * that stores lookup codes implements it as a Spring bean (case files will answer for their data); the
 * forms feature's own implementation answers for form definitions (a default value, or a condition or
 * calculation quoting the code). {@link LookupService} refuses a deletion when any implementation says yes.
 */
public interface LookupUsage {

    boolean isInUse(String lookupId, String value);
}
