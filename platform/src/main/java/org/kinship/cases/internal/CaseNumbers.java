package org.kinship.cases.internal;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseRequestRefusedException.Reason;
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
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final int MAX_PATTERN = 60;

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
        Numbering numbering = numbering(module.id(), module.recordType(), module.numberPattern(), agencyCode);
        return numbering.format(increment(numbering.counter()));
    }

    /**
     * {@code count} consecutive numbers drawn with one counter write (a bulk loader's path: one write per batch
     * instead of one per case); like {@link #next}, a number drawn is never handed out again.
     */
    List<String> reserve(RecordModule module, @Nullable String agencyCode, int count) {
        Numbering numbering = numbering(module.id(), module.recordType(), module.numberPattern(), agencyCode);
        Document after = counters.findOneAndUpdate(eq("_id", numbering.counter()), Updates.inc("seq", (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long last = after.get("seq", Number.class).longValue();
        List<String> drawn = new java.util.ArrayList<>(count);
        for (long sequence = last - count + 1; sequence <= last; sequence++) {
            drawn.add(numbering.format(sequence));
        }
        return drawn;
    }

    /** The number {@link #next} would hand out now, without drawing it (for an administrator's preview). */
    String peek(String moduleId, String recordType, String pattern, @Nullable String agencyCode) {
        Numbering numbering = numbering(moduleId, recordType, pattern, agencyCode);
        Document counter = counters.find(eq("_id", numbering.counter())).first();
        long current = counter == null ? 0 : counter.get("seq", Number.class).longValue();
        return numbering.format(current + 1);
    }

    /**
     * Refuses a pattern that would not give readable, unique numbers, naming the problem: exactly one sequence
     * ({@code {seq}} or {@code {seq:N}}, N from 1 to 12), only the placeholders {@code {agency}}, {@code {module}},
     * {@code {year}}, and otherwise letters, digits and {@code - _ . /}, at most 60 characters.
     */
    static void check(String pattern) {
        if (pattern.isBlank() || pattern.length() > MAX_PATTERN) {
            throw new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.module.patternLength", MAX_PATTERN);
        }
        Matcher placeholders = PLACEHOLDER.matcher(pattern);
        int sequences = 0;
        StringBuilder literal = new StringBuilder();
        int last = 0;
        while (placeholders.find()) {
            literal.append(pattern, last, placeholders.start());
            last = placeholders.end();
            String name = placeholders.group(1);
            if (SEQUENCE.matcher(placeholders.group()).matches()) {
                String width = placeholders.group().replaceAll("\\D", "");
                if (!width.isEmpty() && (Integer.parseInt(width) < 1 || Integer.parseInt(width) > 12)) {
                    throw new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.module.patternWidth");
                }
                sequences++;
            } else if (!Set.of("agency", "module", "year").contains(name)) {
                throw new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.module.patternPlaceholder",
                        placeholders.group());
            }
        }
        literal.append(pattern.substring(last));
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || "-_./".indexOf(c) >= 0))) {
                throw new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.module.patternCharacter",
                        String.valueOf(c));
            }
        }
        if (sequences == 0) {
            throw new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.module.badPattern");
        }
        if (sequences > 1) {
            throw new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.module.patternTwoSequences");
        }
    }

    /** The pattern filled in but for the sequence, and the counter that sequence comes from. */
    private record Numbering(String text, int start, int end, int width, String counter) {

        String format(long sequence) {
            return text.substring(0, start) + String.format(Locale.ROOT, "%0" + width + "d", sequence)
                    + text.substring(end);
        }
    }

    private Numbering numbering(String moduleId, String recordType, String pattern, @Nullable String agencyCode) {
        String agency = agencyCode == null ? "NA" : agencyCode.toUpperCase(Locale.ROOT);
        String text = pattern.replace("{agency}", agency).replace("{module}", moduleId)
                .replace("{year}", String.valueOf(clock.instant().atZone(ZoneOffset.UTC).getYear()));
        Matcher matcher = SEQUENCE.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("The number pattern of module " + moduleId + " has no {seq}");
        }
        String counter = recordType + ":" + text.substring(0, matcher.start()) + "{seq}"
                + text.substring(matcher.end());
        int width = matcher.group(1) == null ? 1 : Integer.parseInt(matcher.group(1));
        return new Numbering(text, matcher.start(), matcher.end(), width, counter);
    }

    private long increment(String counter) {
        Document after = counters.findOneAndUpdate(eq("_id", counter), Updates.inc("seq", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return after.get("seq", Number.class).longValue();
    }
}
