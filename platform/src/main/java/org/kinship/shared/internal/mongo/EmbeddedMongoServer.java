package org.kinship.shared.internal.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB wire-protocol server of the embedded default (ADR 0001). It listens on
 * 127.0.0.1 only, on a free port, and keeps its data in one H2 MVStore file, or in memory for tests.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final InetSocketAddress address;
    private final @Nullable Path file;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address, @Nullable Path file) {
        this.server = server;
        this.address = address;
        this.file = file;
    }

    /** Starts a server persisting to {@code file} (created with its folders when missing). */
    public static EmbeddedMongoServer startPersistent(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory for " + file, e);
        }
        MVStore store = new MVStore.Builder().fileName(file.toString()).compress().open();
        return start(new DurableH2Backend(store), file);
    }

    /** Starts a server that forgets everything when closed. */
    public static EmbeddedMongoServer startInMemory() {
        return start(H2Backend.inMemory(), null);
    }

    private static EmbeddedMongoServer start(H2Backend backend, @Nullable Path file) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB server listening on 127.0.0.1:{} ({})", address.getPort(),
                file == null ? "in memory" : file);
        return new EmbeddedMongoServer(server, address, file);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    public @Nullable Path file() {
        return file;
    }

    @Override
    public void close() {
        log.info("Stopping the embedded MongoDB server");
        server.shutdown();
    }
}
