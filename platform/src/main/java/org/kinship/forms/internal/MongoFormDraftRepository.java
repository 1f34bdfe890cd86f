package org.kinship.forms.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.kinship.forms.AlreadyExistsException;
import org.kinship.forms.FormDraft;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Repository;

/**
 * Form drafts in {@code form_drafts}, id = form id. The schema is kept as JSON text, not as a nested
 * document: schema keywords start with {@code $}, which MongoDB does not accept in field names, and the
 * exported file must be exactly what the administrator saved.
 */
@Repository
public class MongoFormDraftRepository {

    private final MongoCollection<Document> drafts;
    private final DocumentMapper mapper;

    MongoFormDraftRepository(MongoDatabase database, DocumentMapper mapper) {
        this.drafts = database.getCollection("form_drafts");
        this.mapper = mapper;
    }

    public Optional<FormDraft> findById(String formId) {
        return Optional.ofNullable(drafts.find(eq("_id", formId)).first()).map(this::toDraft);
    }

    public List<FormDraft> findAll() {
        return drafts.find().sort(Sorts.ascending("_id")).map(this::toDraft).into(new ArrayList<>());
    }

    public FormDraft insert(FormDraft draft) {
        try {
            drafts.insertOne(mapper.toDocument(draft));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new AlreadyExistsException("form", draft.id());
            }
            throw e;
        }
        return draft;
    }

    /** Replaces the draft stored with {@code expectedVersion} by {@code next}; else nothing is written. */
    public FormDraft replace(FormDraft next, long expectedVersion) {
        Document replaced = drafts.findOneAndReplace(and(eq("_id", next.id()), eq("version", expectedVersion)),
                mapper.toDocument(next));
        if (replaced == null) {
            throw new StaleVersionException("form", next.id(), expectedVersion);
        }
        return next;
    }

    /** Removes the draft (an undone import of a form that did not exist before). */
    public void delete(String formId) {
        drafts.deleteOne(eq("_id", formId));
    }

    /** Puts {@code draft} in place whatever is stored (an undone import restoring the draft it replaced). */
    public void restore(FormDraft draft) {
        drafts.replaceOne(eq("_id", draft.id()), mapper.toDocument(draft),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    private FormDraft toDraft(Document document) {
        return mapper.fromDocument(document, FormDraft.class);
    }
}
