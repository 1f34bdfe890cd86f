package org.kinship.shared.internal.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

/**
 * A Lucene index that a feature keeps in step with its MongoDB documents: writes by id term, and near-real-time
 * searchers that see every write made before the search (refreshed first when the index changed), without waiting
 * for a commit. Lucene's checked {@link IOException} becomes {@link UncheckedIOException}.
 */
public final class LiveIndex implements Closeable {

    /** Work with a searcher that may throw Lucene's {@link IOException}. */
    public interface Work<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicBoolean changed = new AtomicBoolean();

    public LiveIndex(IndexWriter writer) throws IOException {
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
    }

    /** Adds the document, replacing the one with the same id term. */
    public void update(Term id, Iterable<? extends IndexableField> document) {
        write(() -> writer.updateDocument(id, document));
    }

    public void delete(Term id) {
        write(() -> writer.deleteDocuments(id));
    }

    public void deleteAll() {
        write(writer::deleteAll);
    }

    /** Makes every write so far durable. */
    public void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Documents in the index, including writes not yet committed. */
    public int size() {
        return writer.getDocStats().numDocs;
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

    private interface Write {
        void run() throws IOException;
    }

    private void write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        changed.set(true);
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }
}
