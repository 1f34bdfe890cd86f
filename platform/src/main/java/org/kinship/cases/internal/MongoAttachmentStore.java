package org.kinship.cases.internal;

import static com.mongodb.client.model.Filters.in;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Repository;

/**
 * Attachment bytes as plain documents of up to 255 kB in {@code case_attachment_chunks} (what GridFS does,
 * without relying on GridFS: plain collections behave the same on the embedded server and on MongoDB).
 * Chunks are written before the case lists the attachment, so a listed attachment always has its bytes; a
 * crash in between leaves unlisted chunks, which are never served.
 */
@Repository
class MongoAttachmentStore {

    static final int CHUNK = 255 * 1024;

    private final MongoCollection<Document> chunks;

    MongoAttachmentStore(MongoDatabase database) {
        this.chunks = database.getCollection("case_attachment_chunks");
        chunks.createIndex(Indexes.ascending("attachmentId", "n"), new IndexOptions().name("attachment_chunk"));
    }

    void write(String attachmentId, String caseId, byte[] bytes) {
        List<Document> documents = new ArrayList<>();
        for (int n = 0, offset = 0; offset < bytes.length || n == 0; n++, offset += CHUNK) {
            byte[] part = Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + CHUNK));
            documents.add(new Document("_id", attachmentId + ":" + n).append("attachmentId", attachmentId)
                    .append("caseId", caseId).append("n", n).append("data", new Binary(part)));
        }
        chunks.insertMany(documents);
    }

    /** Reads by chunk id (the embedded server only indexes {@code _id}; secondary indexes are ignored there). */
    byte[] read(String attachmentId, long size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.find(in("_id", chunkIds(attachmentId, size))).sort(Sorts.ascending("n"))
                .forEach(d -> out.writeBytes(d.get("data", Binary.class).getData()));
        return out.toByteArray();
    }

    void delete(String attachmentId, long size) {
        chunks.deleteMany(in("_id", chunkIds(attachmentId, size)));
    }

    private static List<String> chunkIds(String attachmentId, long size) {
        long count = Math.max(1, (size + CHUNK - 1) / CHUNK);
        List<String> ids = new ArrayList<>();
        for (long n = 0; n < count; n++) {
            ids.add(attachmentId + ":" + n);
        }
        return ids;
    }
}
