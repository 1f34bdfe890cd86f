package org.kinship.tracing.internal;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.kinship.tracing.TracingSettings;
import org.springframework.stereotype.Component;

/**
 * Readable tracing request numbers from {@link TracingSettings#requestNumberPattern}: an atomic counter per
 * pattern prefix in {@code record_counters} (the collection case numbers use, under keys of their own), so a
 * number is never handed out twice.
 */
@Component
class RequestNumbers {

    private static final Pattern SEQUENCE = Pattern.compile("\\{seq(?::(\\d+))?}");

    private final MongoCollection<Document> counters;
    private final TracingSettings settings;
    private final Clock clock;

    RequestNumbers(MongoDatabase database, TracingSettings settings, Clock clock) {
        this.counters = database.getCollection("record_counters");
        this.settings = settings;
        this.clock = clock;
    }

    String next(@Nullable String agencyCode) {
        String agency = agencyCode == null ? "NA" : agencyCode.toUpperCase(Locale.ROOT);
        String text = settings.requestNumberPattern().replace("{agency}", agency)
                .replace("{year}", String.valueOf(clock.instant().atZone(ZoneOffset.UTC).getYear()));
        Matcher matcher = SEQUENCE.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("The tracing request number pattern has no {seq}");
        }
        String counter = "tracing_request:" + text.substring(0, matcher.start()) + "{seq}" + text.substring(matcher.end());
        Document after = counters.findOneAndUpdate(eq("_id", counter), Updates.inc("seq", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long sequence = after.get("seq", Number.class).longValue();
        int width = matcher.group(1) == null ? 1 : Integer.parseInt(matcher.group(1));
        return text.substring(0, matcher.start()) + String.format(Locale.ROOT, "%0" + width + "d", sequence)
                + text.substring(matcher.end());
    }
}
