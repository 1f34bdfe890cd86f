package org.kinship.tracing.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

/**
 * Near-real-time searchers over an index writer: a search sees every write made before it (the searcher is
 * refreshed first when the writer {@link #changed() changed} the index), without waiting for a commit.
 */
public final class LiveSearchers implements Closeable {

    /** Work with a searcher that may throw Lucene's {@link IOException}. */
    public interface Work<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private final SearcherManager searchers;
    private final AtomicBoolean changed = new AtomicBoolean();

    public LiveSearchers(IndexWriter writer) throws IOException {
        this.searchers = new SearcherManager(writer, null);
    }

    /** Notes a write: the next search refreshes its searcher first. */
    public void changed() {
        changed.set(true);
    }

    public <T> T search(Work<T> work) {
        try {
            if (changed.getAndSet(false)) {
                searchers.maybeRefreshBlocking();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
    }
}
