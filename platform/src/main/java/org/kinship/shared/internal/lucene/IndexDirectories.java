package org.kinship.shared.internal.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.kinship.shared.StorageSettings;
import org.springframework.stereotype.Component;

/**
 * The Lucene index directories under {@code ${KINSHIP_DATA_DIR}/index/<name>} (in memory when the embedded
 * store runs in memory). Indexes are projections of MongoDB and can always be rebuilt.
 */
@Component
public class IndexDirectories implements AutoCloseable {

    private final StorageSettings settings;
    private final Map<String, Directory> open = new ConcurrentHashMap<>();

    IndexDirectories(StorageSettings settings) {
        this.settings = settings;
    }

    /** The directory of the named index, opened once and shared. */
    public Directory directory(String name) {
        return open.computeIfAbsent(name, this::openDirectory);
    }

    private Directory openDirectory(String name) {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("Invalid index name: " + name);
        }
        if (settings.embeddedInMemory()) {
            return new ByteBuffersDirectory();
        }
        try {
            Path path = settings.resolve("index").resolve(name);
            Files.createDirectories(path);
            return FSDirectory.open(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index " + name, e);
        }
    }

    /** Number of documents per open index; an index that has never been committed counts as empty. */
    public Map<String, Integer> documentCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        open.forEach((name, directory) -> counts.put(name, countDocuments(directory)));
        return counts;
    }

    private static int countDocuments(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return 0;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                return reader.numDocs();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return settings.resolve("index");
    }

    @Override
    public void close() throws IOException {
        for (Directory directory : open.values()) {
            directory.close();
        }
        open.clear();
    }
}
