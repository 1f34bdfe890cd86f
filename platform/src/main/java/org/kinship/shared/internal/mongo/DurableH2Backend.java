package org.kinship.shared.internal.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.h2.mvstore.MVStore;

/**
 * The H2 MVStore backend commits on its own only about once a second, so a write the driver saw
 * acknowledged could vanish if the process died in between. This backend commits the store before the
 * answer to every message that changed something is sent: an acknowledged write is in the file.
 */
final class DurableH2Backend extends H2Backend {

    private final MVStore store;

    DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document answer = super.handleMessage(message);
        if (store.hasUnsavedChanges()) {
            store.commit();
        }
        return answer;
    }
}
