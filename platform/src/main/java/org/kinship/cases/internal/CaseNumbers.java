package org.kinship.cases.internal;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.RecordModule;
import org.springframework.stereotype.Component;

/**
 * Hands out readable record numbers from a module's pattern. The sequence is a counter per pattern prefix
 * (for example per agency and year) in the {@code record_counters} collection, increased atomically: a
 * number is never handed out twice, even when the registration that drew it fails afterwards (its number
 * is then skipped, never reused).
 */
@Component
class CaseNumbers {

    private static final String COLLECTION = "record_counters";
    private static final Pattern SEQUENCE = Pattern.compile("\\{seq(?::(\\d+))?}");

    private final MongoCollection<Document> counters;
    private final Clock clock;

    CaseNumbers(MongoDatabase database, Clock clock) {
        // created up front: the embedded server can create a collection twice when first writes race
        if (!database.listCollectionNames().into(new java.util.ArrayList<>()).contains(COLLECTION)) {
            try {
                database.createCollection(COLLECTION);
            } catch (MongoCommandException e) {
                // another node created it meanwhile
            }
        }
        this.counters = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    String next(RecordModule module, @Nullable String agencyCode) {
        String agency = agencyCode == null ? "NA" : agencyCode.toUpperCase(Locale.ROOT);
        String text = module.numberPattern().replace("{agency}", agency).replace("{module}", module.id())
                .replace("{year}", String.valueOf(clock.instant().atZone(ZoneOffset.UTC).getYear()));
        Matcher matcher = SEQUENCE.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("The number pattern of module " + module.id() + " has no {seq}");
        }
        String counter = module.recordType() + ":" + text.substring(0, matcher.start()) + "{seq}"
                + text.substring(matcher.end());
        long sequence = increment(counter);
        int width = matcher.group(1) == null ? 1 : Integer.parseInt(matcher.group(1));
        String formatted = String.format(Locale.ROOT, "%0" + width + "d", sequence);
        return text.substring(0, matcher.start()) + formatted + text.substring(matcher.end());
    }

    private long increment(String counter) {
        Document after = counters.findOneAndUpdate(eq("_id", counter), Updates.inc("seq", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return after.get("seq", Number.class).longValue();
    }
}
