package org.kinship.forms;

import java.util.Optional;

/** Where validators find lookups; {@link LookupService} is the real one, tests pass a map. */
@FunctionalInterface
public interface LookupSource {

    Optional<Lookup> findLookup(String id);
}
