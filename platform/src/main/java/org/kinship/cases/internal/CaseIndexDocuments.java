package org.kinship.cases.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFlag;
import org.kinship.cases.CaseSummary;
import org.kinship.cases.IndexedFields;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a case into its Lucene document: exact-match fields for the filters and the scope, points and doc
 * values for ranges and sorting, a folded text field for names and the case number, and the list row as
 * stored JSON. The date of birth is indexed (not the age) so that ages stay right as time passes; a case
 * with only an age gets the birth date that age implies at registration.
 */
final class CaseIndexDocuments {

    static final String ID = "id";
    static final String ROW = "row";
    static final String BIRTH = "birth";
    static final String REGISTERED = "registered";
    static final String UPDATED = "updated";
    static final String TEXT = "text";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CaseIndexDocuments() {
    }

    /**
     * @param file          the case in clear
     * @param nameSensitive whether a name field is stored encrypted: the list then shows the name only to users
     *                      who may see sensitive values of the case
     */
    static Document toDocument(CaseFile file, IndexedFields fields, boolean nameSensitive) {
        Document doc = new Document();
        doc.add(new StringField(ID, file.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField("id_sort", new BytesRef(file.id())));
        keyword(doc, "module", file.module());
        keyword(doc, "status", file.status().name());
        keyword(doc, "risk", file.riskLevel());
        keyword(doc, "owner", file.ownerId());
        file.assignedIds().forEach(id -> keyword(doc, "assigned", id));
        file.groupIds().forEach(id -> keyword(doc, "group", id));
        keyword(doc, "agency", file.agencyCode());
        String sex = text(file, fields.sex());
        keyword(doc, "sex", sex == null ? null : sex.toLowerCase(Locale.ROOT));
        String location = text(file, fields.location());
        keyword(doc, "location", location);
        keyword(doc, "number", file.caseNumber());
        doc.add(new SortedDocValuesField("number_sort", new BytesRef(file.caseNumber())));
        String name = fields.names().stream().map(f -> text(file, f)).filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
        doc.add(new SortedDocValuesField("name_sort", new BytesRef(sortKey(name))));
        doc.add(new TextField(TEXT, name + " " + file.caseNumber(), Field.Store.NO));
        doc.add(new NumericDocValuesField("risk_sort", riskRank(file.riskLevel())));
        LocalDate birth = birthDate(file, fields);
        long birthDay = birth == null ? Long.MIN_VALUE : birth.toEpochDay();
        if (birth != null) {
            doc.add(new LongPoint(BIRTH, birthDay));
        }
        doc.add(new NumericDocValuesField("birth_sort", birthDay));
        long registered = file.registeredAt().toEpochMilli();
        doc.add(new LongPoint(REGISTERED, registered));
        doc.add(new NumericDocValuesField("registered_sort", registered));
        doc.add(new NumericDocValuesField("updated_sort", file.updatedAt().toEpochMilli()));
        int openFlags = (int) file.flags().stream().filter(f -> !f.resolved()).count();
        CaseSummary row = new CaseSummary(file.id(), file.caseNumber(), file.module(), name, sex, null,
                file.status(), file.riskLevel(), file.ownerId(), file.agencyCode(), location, file.registeredAt(),
                file.updatedAt(), openFlags, file.version());
        doc.add(new StoredField(ROW, JSON.writeValueAsBytes(new StoredRow(row, birth == null ? null : birthDay,
                nameSensitive, file.assignedIds(), file.groupIds()))));
        return doc;
    }

    static StoredRow row(byte[] bytes) {
        return JSON.readValue(bytes, StoredRow.class);
    }

    /**
     * The list row and the birth day it was indexed with (the age is worked out when the list is read), whether its
     * name is sensitive and the assignees and groups that decide who may see it.
     */
    record StoredRow(CaseSummary summary, @Nullable Long birthDay, @Nullable Boolean nameSensitive,
            @Nullable List<String> assignedIds, @Nullable List<String> groupIds) {
    }

    static int riskRank(String riskLevel) {
        return switch (riskLevel) {
            case "high" -> 3;
            case "medium" -> 2;
            case "low" -> 1;
            default -> 0;
        };
    }

    /** Accents and case do not count when names are put in order ("Aïcha" before "Amina"). */
    static String sortKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static void keyword(Document doc, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new StringField(field, value, Field.Store.NO));
        }
    }

    private static @Nullable String text(CaseFile file, String field) {
        return file.value(field).map(Object::toString).filter(s -> !s.isBlank()).orElse(null);
    }

    private static @Nullable LocalDate birthDate(CaseFile file, IndexedFields fields) {
        String dob = text(file, fields.dateOfBirth());
        if (dob != null) {
            try {
                return LocalDate.parse(dob.length() > 10 ? dob.substring(0, 10) : dob);
            } catch (DateTimeParseException e) {
                // not a full date: fall back to the age
            }
        }
        Object age = file.value(fields.age())
                .or(() -> fields.estimatedAge() == null ? Optional.empty() : file.value(fields.estimatedAge()))
                .orElse(null);
        if (age instanceof Number years && years.intValue() >= 0 && years.intValue() < 130) {
            return file.registeredAt().atZone(ZoneOffset.UTC).toLocalDate().minusYears(years.longValue());
        }
        return null;
    }
}
