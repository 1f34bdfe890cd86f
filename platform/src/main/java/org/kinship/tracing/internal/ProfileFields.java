package org.kinship.tracing.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;
import org.kinship.tracing.FamilyMember;
import org.kinship.tracing.PartialDate;
import org.kinship.tracing.PersonProfile;
import org.kinship.tracing.Place;

/** The Lucene fields of a profile: filters, blocking keys and the stored profile itself. */
final class ProfileFields {

    static final String ID = "id";
    static final String KIND = "kind";
    static final String CONSENT = "consent";
    static final String AGENCY = "agency";
    static final String OWNER = "owner";
    static final String NAME_TOKEN = "name_tok";
    static final String NAME_SKELETON = "name_sk";
    static final String NAME_METAPHONE = "name_dm";
    static final String NAME_BEIDER_MORSE = "name_bm";
    static final String NAME_TRIGRAM = "name_tri";
    static final String NAME_PAIR = "name_pair";
    static final String NAME_SKELETON_DELETES = "name_skd";
    static final String FAMILY_SKELETON = "family_sk";
    /**
     * Two parts of one relative's name that are not the child's own names, as {@link NameKeys#pairs} keys ("the
     * father is Kiprono Kuol"): rare, they retrieve the child of a family even when the child's names are misspelled.
     */
    static final String FAMILY_PAIR = "family_pair";
    static final String SEX = "sex";
    static final String BIRTH_YEAR = "birth";
    /** {@code false} for profiles without any birth estimate (kept by the birth-window filter). */
    static final String BIRTH_KNOWN = "birth_known";
    /**
     * The middle day (epoch day) of a separation date known at least to the month: ranks candidates separated
     * about when the searched child was (ADR 0029).
     */
    static final String SEPARATED = "separated";
    static final String PLACE = "place";
    static final String PLACE_NAME = "place_name";
    static final String PROFILE = "profile";
    /** A name part's skeleton with a district the profile names ({@code skeleton@SD/R0/D3}): ranks candidates. */
    static final String NAME_DISTRICT = "name_district";
    /**
     * A name part's skeleton or its skeleton with one consonant left out, with a district the profile names
     * ({@code mk@SD/R0/D3}): a child whose name is misspelled in every part is still ranked up among the thousands
     * who share a one-consonant key, when it was registered in the district the request names (ADR 0026).
     */
    static final String TYPO_DISTRICT = "typo_district";
    /**
     * A name part's skeleton with a village the profile names, by its location path or its place name
     * ({@code hsn@SD/R0/D3/KAJOTE}, {@code hsn@#kjt}): ranks the child registered in the village the request names
     * among the thousands who share a common name, even when the place name stands for too many villages to be
     * located (ADR 0030).
     */
    static final String NAME_PLACE = "name_place";
    /** A name part's skeleton with the estimated birth year ({@code skeleton@2015}): ranks candidates. */
    static final String NAME_YEAR = "name_year";

    /**
     * The version of these fields, kept in the index's commit data: an index written with other fields is emptied
     * at start and rebuilt from the records (ADR 0025). 4: stored profiles carry family members with their
     * relationship, relatives' name pairs are keys, names with "th" have a second skeleton, one-consonant keys with
     * the district are keys, places typed by the name of one location are located (ADR 0026, 0027). 5: profiles carry
     * the separation date, indexed as {@link #SEPARATED}; cases' {@code separation_place} is a place; the name parts
     * a father's name adds to the child's lineage are name keys (ADR 0029). 6: name parts with the village are keys
     * ({@link #NAME_PLACE}, ADR 0030); more English nicknames read as the formal name ({@code Nicknames}). 7: a
     * final "ng" is read "n" in name skeletons (ADR 0031).
     */
    static final String FORMAT = "7";

    private ProfileFields() {
    }

    static Document document(PersonProfile profile, PlaceAliases aliases) {
        Document doc = new Document();
        doc.add(new StringField(ID, profile.id(), Field.Store.YES));
        doc.add(new StringField(KIND, profile.kind().name(), Field.Store.NO));
        doc.add(new StringField(CONSENT, Boolean.toString(profile.consentForTracing()), Field.Store.NO));
        doc.add(new StringField(AGENCY, profile.agencyCode(), Field.Store.NO));
        doc.add(new StringField(OWNER, profile.ownerId(), Field.Store.NO));
        doc.add(new StringField(SEX, profile.sex().name(), Field.Store.NO));
        Set<String> nameTokens = nameTokens(profile);
        for (String token : nameTokens) {
            addNameKeys(doc, token);
        }
        for (String key : NameKeys.pairs(List.copyOf(nameTokens))) {
            doc.add(new StringField(NAME_PAIR, key, Field.Store.NO));
        }
        for (String token : tokens(profile.familyMemberNames())) {
            for (String skeleton : NameKeys.skeletons(token)) {
                doc.add(new StringField(FAMILY_SKELETON, skeleton, Field.Store.NO));
            }
        }
        for (String key : familyPairs(profile)) {
            doc.add(new StringField(FAMILY_PAIR, key, Field.Store.NO));
        }
        Optional<Integer> birth = birthYear(profile);
        birth.ifPresent(year -> {
            doc.add(new IntPoint(BIRTH_YEAR, year));
            doc.add(new SortedNumericDocValuesField(BIRTH_YEAR, year));
        });
        doc.add(new StringField(BIRTH_KNOWN, Boolean.toString(birth.isPresent()), Field.Store.NO));
        separated(profile).ifPresent(days -> doc.add(new SortedNumericDocValuesField(SEPARATED,
                (days[0] + days[1]) / 2)));
        Set<String> places = placeKeys(profile.places(), aliases);
        for (String key : places) {
            doc.add(new StringField(key.startsWith("#") ? PLACE_NAME : PLACE, key.replace("#", ""), Field.Store.NO));
        }
        Set<String> skeletons = new LinkedHashSet<>();
        nameTokens.forEach(token -> skeletons.addAll(NameKeys.skeletons(token)));
        Set<String> deletes = new LinkedHashSet<>();
        nameTokens.forEach(token -> deletes.addAll(NameKeys.skeletonDeletes(token)));
        Set<String> districts = districts(places);
        Set<String> villages = villages(places);
        for (String district : districts) {
            for (String key : deletes) {
                doc.add(new StringField(TYPO_DISTRICT, withKey(key, district), Field.Store.NO));
            }
        }
        for (String skeleton : skeletons) {
            for (String district : districts) {
                doc.add(new StringField(NAME_DISTRICT, withKey(skeleton, district), Field.Store.NO));
            }
            for (String village : villages) {
                doc.add(new StringField(NAME_PLACE, withKey(skeleton, village), Field.Store.NO));
            }
            birth.ifPresent(year -> doc.add(new StringField(NAME_YEAR, withKey(skeleton, year), Field.Store.NO)));
        }
        // doc values, not a stored field: read per candidate without decompressing a block of other profiles
        doc.add(new BinaryDocValuesField(PROFILE, new BytesRef(ProfileCodec.encode(profile))));
        return doc;
    }

    private static void addNameKeys(Document doc, String token) {
        doc.add(new StringField(NAME_TOKEN, token, Field.Store.NO));
        for (String skeleton : NameKeys.skeletons(token)) {
            doc.add(new StringField(NAME_SKELETON, skeleton, Field.Store.NO));
        }
        for (String code : NameKeys.doubleMetaphone(token)) {
            doc.add(new StringField(NAME_METAPHONE, code, Field.Store.NO));
        }
        for (String key : NameKeys.skeletonDeletes(token)) {
            doc.add(new StringField(NAME_SKELETON_DELETES, key, Field.Store.NO));
        }
        for (String code : NameKeys.beiderMorse(token)) {
            doc.add(new StringField(NAME_BEIDER_MORSE, code, Field.Store.NO));
        }
        for (String gram : NameKeys.trigrams(token)) {
            doc.add(new StringField(NAME_TRIGRAM, gram, Field.Store.NO));
        }
    }

    /** The {@link #FAMILY_PAIR} keys of a profile's relatives. */
    static Set<String> familyPairs(PersonProfile profile) {
        Set<String> keys = new LinkedHashSet<>();
        List<NameToken> child = NameToken.parse(profile.allNames());
        for (FamilyMember relative : profile.familyMembers()) {
            List<String> own = FamilyComparator.ownParts(relative, child).stream().map(NameToken::text).toList();
            if (own.size() >= 2) {
                keys.addAll(NameKeys.pairs(own));
            }
        }
        return keys;
    }

    /**
     * The normalised parts of the child's names, with those its lineage adds ({@link NameComparator#withLineage},
     * ADR 0029): "Aisha Mahmud", whose father is "Mahmud Idris", is found by "Aisha Mahmud Idris"'s pairs too.
     */
    static Set<String> nameTokens(PersonProfile profile) {
        Set<String> tokens = tokens(profile.allNames());
        List<NameToken> parsed = NameToken.parse(profile.allNames());
        List<NameToken> longer = NameComparator.withLineage(profile, parsed);
        longer.subList(parsed.size(), longer.size()).forEach(part -> tokens.add(part.text()));
        return tokens;
    }

    static Set<String> tokens(List<String> names) {
        Set<String> tokens = new LinkedHashSet<>();
        names.forEach(name -> tokens.addAll(NameNormalizer.tokens(name)));
        return tokens;
    }

    /**
     * The first and last epoch day the separation date may stand for, when it is known at least to the month (a
     * year alone ranks nothing).
     */
    static Optional<long[]> separated(PersonProfile profile) {
        PartialDate date = profile.separationDate();
        if (date == null || date.month() == null) {
            return Optional.empty();
        }
        return Optional.of(new long[] {date.earliest().toEpochDay(), date.latest().toEpochDay()});
    }

    /** The year of birth at the centre of the estimate: from the date of birth, else from the age. */
    static Optional<Integer> birthYear(PersonProfile profile) {
        return BirthEstimate.of(profile, 0.5, 2).map(estimate -> (int) Math.floor(estimate.centre()));
    }

    /** The district-level location paths among place keys (country/region/district). */
    static Set<String> districts(Set<String> placeKeys) {
        Set<String> districts = new LinkedHashSet<>();
        for (String key : placeKeys) {
            if (!key.startsWith("#") && key.split("/").length == 3) {
                districts.add(key);
            }
        }
        return districts;
    }

    /**
     * The village-level keys among {@link #placeKeys}: location paths below the district and {@code #}-marked place
     * names (a name many villages share is still a key: together with a name part it is rare).
     */
    static Set<String> villages(Set<String> placeKeys) {
        Set<String> villages = new LinkedHashSet<>();
        for (String key : placeKeys) {
            if (key.startsWith("#") || key.split("/").length >= 4) {
                villages.add(key);
            }
        }
        return villages;
    }

    /** A compound key: a name part's skeleton with a district, a village or a birth year. */
    static String withKey(String skeleton, Object key) {
        return skeleton + "@" + key;
    }

    /** Every prefix of every location path, and {@code #}-marked name keys (free text and leaves). */
    static Set<String> placeKeys(List<Place> places, PlaceAliases aliases) {
        Set<String> keys = new LinkedHashSet<>();
        for (Place place : places) {
            for (String path : aliases.paths(place)) {
                List<String> levels = List.of(path.split("/"));
                for (int i = 1; i <= levels.size(); i++) {
                    keys.add(String.join("/", levels.subList(0, i)));
                }
                keys.add("#" + aliases.key(levels.getLast().replace('_', ' ')));
            }
            if (place.name() != null) {
                keys.add("#" + aliases.key(place.name()));
            }
        }
        keys.remove("#");
        return keys;
    }
}
