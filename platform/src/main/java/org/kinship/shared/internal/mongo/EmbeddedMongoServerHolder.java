package org.kinship.shared.internal.mongo;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The embedded server when it runs; empty when an external MongoDB is configured. */
final class EmbeddedMongoServerHolder implements AutoCloseable {

    private final @Nullable EmbeddedMongoServer server;

    private EmbeddedMongoServerHolder(@Nullable EmbeddedMongoServer server) {
        this.server = server;
    }

    static EmbeddedMongoServerHolder of(EmbeddedMongoServer server) {
        return new EmbeddedMongoServerHolder(server);
    }

    static EmbeddedMongoServerHolder none() {
        return new EmbeddedMongoServerHolder(null);
    }

    Optional<EmbeddedMongoServer> server() {
        return Optional.ofNullable(server);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
