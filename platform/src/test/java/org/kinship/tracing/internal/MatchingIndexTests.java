package org.kinship.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.tracing.Profiles.REGISTERED;
import static org.kinship.tracing.Profiles.aCase;
import static org.kinship.tracing.Profiles.aTracingRequest;

import java.util.List;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinship.tracing.Agreement;
import org.kinship.tracing.CandidateFilter;
import org.kinship.tracing.MatchCandidate;
import org.kinship.tracing.MatchField;
import org.kinship.tracing.MatchLabel;
import org.kinship.tracing.Matching;
import org.kinship.tracing.NameMatch;
import org.kinship.tracing.PersonProfile;
import org.kinship.tracing.Place;
import org.kinship.tracing.ProfileKind;
import org.kinship.tracing.Profiles;
import org.kinship.tracing.Sex;

class MatchingIndexTests {

    private final MatchingIndex index = Matching.index();

    private final PersonProfile child = Profiles.moustaphaRegistered().familyNames("Ali")
            .familyMember("father", "Houssein Ali Omar").familyMember("mother", "Amina Youssouf").build();
    private final PersonProfile request = Profiles.mustafaSought().place(Place.at("SD/DARFUR/NYALA/OTASH"))
            .familyMember("mother", "أمينة يوسف").build();

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private static PersonProfile other(int i) {
        String[] given = {"Mustafa", "Mohamed", "Ahmed", "Hassan", "Omar"};
        String[] family = {"Hussein", "Ibrahim", "Adam", "Yusuf", "Abdallah", "Ishaq", "Salih"};
        return aCase("other-" + i).givenNames(given[i % given.length]).familyNames(family[i % family.length])
                .sex(i % 2 == 0 ? Sex.MALE : Sex.FEMALE).estimatedAge(4 + i % 12, REGISTERED)
                .place(Place.at("SD/DARFUR/" + (i % 3 == 0 ? "NYALA" : "GENEINA") + "/V" + i % 20)).build();
    }

    @Test
    void aRequestInArabicScriptFindsTheCaseSpelledInLatinScript() {
        index.putAll(List.of(child, other(1), other(2), other(3)));
        // with the grandfather's name too, every name part agrees (the full level; ADR 0024)
        PersonProfile request = Profiles.mustafaSought().familyNames("علي").place(Place.at("SD/DARFUR/NYALA/OTASH"))
                .familyMember("mother", "Amina Yusuf").build();
        List<MatchCandidate> found = index.findMatches(request, CandidateFilter.unrestricted(), 5);
        assertThat(found).first().satisfies(best -> {
            assertThat(best.profileId()).isEqualTo("case-1");
            assertThat(best.label()).isEqualTo(MatchLabel.LIKELY);
            assertThat(best.comparisons()).hasSize(MatchField.values().length);
        });
    }

    @Test
    void labelsAreAbsoluteSoOtherCandidatesNeverChangeAPairsLabel() {
        index.useWeights(index.weights().withNameFrequency(org.kinship.tracing.MatchWeights.NameFrequency.off()));
        index.put(child);
        MatchCandidate alone = index.findMatches(request, CandidateFilter.unrestricted(), 1).getFirst();
        for (int i = 0; i < 300; i++) {
            index.put(other(i));
        }
        MatchCandidate among = index.findMatches(request, CandidateFilter.unrestricted(), 300).stream()
                .filter(c -> c.profileId().equals("case-1")).findFirst().orElseThrow();
        assertThat(among.label()).isEqualTo(alone.label());
        assertThat(among.score()).isEqualTo(alone.score());
    }

    @Test
    void withNameFrequenciesAPairsScoreDependsOnTheIndexsNamesNotOnTheOtherHits() {
        index.put(child);
        for (int i = 0; i < 300; i++) {
            index.put(other(i));
        }
        MatchCandidate first = index.findMatches(request, CandidateFilter.unrestricted(), 1).getFirst();
        MatchCandidate among = index.findMatches(request, CandidateFilter.unrestricted(), 300).stream()
                .filter(c -> c.profileId().equals("case-1")).findFirst().orElseThrow();
        assertThat(first.profileId()).isEqualTo("case-1");
        assertThat(among.score()).isEqualTo(first.score());
        assertThat(index.score(request, child).score()).isEqualTo(first.score());
    }

    @Test
    void aChildKnownByAnotherNameIsFoundThroughTheFathersFullName() {
        // the case knows the girl by her nickname only: no name key is shared, the father's name retrieves her
        PersonProfile registered = aCase("case-7").givenNames("Wanjiku").sex(Sex.FEMALE).estimatedAge(8, REGISTERED)
                .familyMember("father", "Kiprono Kuol").build();
        index.putAll(List.of(registered, other(1), other(2)));
        PersonProfile sought = aTracingRequest("req-7").givenNames("Nyambura").sex(Sex.FEMALE)
                .knownAge(8, REGISTERED).familyMember("father", "Kiprono Kwol").build();

        List<MatchCandidate> found = index.findMatches(sought, CandidateFilter.unrestricted(), 5);

        assertThat(found).extracting(MatchCandidate::profileId).containsExactly("case-7");
        assertThat(found.getFirst().comparisons()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo(MatchField.FAMILY);
            assertThat(c.agreement()).isEqualTo(Agreement.AGREE);
            assertThat(c.right()).isEqualTo("Kiprono Kuol (father)");
        });
    }

    @Test
    void onlyConsentingRecordsAreCandidates() {
        index.put(aCase("no-consent").givenNames("Moustapha").familyNames("Houssein").consentForTracing(false)
                .build());
        assertThat(index.findMatches(request, CandidateFilter.unrestricted(), 5)).isEmpty();
        PersonProfile withoutConsent = aTracingRequest("req-2").givenNames("Moustapha").consentForTracing(false)
                .build();
        index.put(child);
        assertThat(index.findMatches(withoutConsent, CandidateFilter.unrestricted(), 5)).isEmpty();
    }

    @Test
    void usersOnlySeeCandidatesTheirScopeAllows() {
        index.put(child);
        assertThat(index.findMatches(request, CandidateFilter.agencies("ICRC"), 5)).isEmpty();
        assertThat(index.findMatches(request, CandidateFilter.agencies("UNICEF"), 5)).hasSize(1);
        assertThat(index.findMatches(request, CandidateFilter.owners("worker-1"), 5)).hasSize(1);
        assertThat(index.findMatches(request, CandidateFilter.unrestricted().and(p -> !p.id().equals("case-1")), 5))
                .isEmpty();
    }

    @Test
    void duplicatesAreCasesThatLookLikeTheCase() {
        index.putAll(List.of(child, request));
        PersonProfile again = aCase("case-2").givenNames("Mustafa").familyNames("Hussein").sex(Sex.MALE)
                .knownAge(10, REGISTERED).build();
        assertThat(index.findDuplicates(again, CandidateFilter.unrestricted(), 5))
                .extracting(MatchCandidate::profileId).containsExactly("case-1");
    }

    @Test
    void aRemovedOrUpdatedProfileIsFoundAsItNowIs() {
        index.put(child);
        index.put(aCase("case-1").givenNames("Joseph").familyNames("Kabila").build());
        assertThat(index.findMatches(request, CandidateFilter.unrestricted(), 5)).isEmpty();
        assertThat(index.profile("case-1")).get().extracting(PersonProfile::givenNames)
                .isEqualTo(List.of("Joseph"));
        index.remove("case-1");
        assertThat(index.size()).isZero();
    }

    @Test
    void nameSearchFindsEverySpellingAndScript() {
        index.putAll(List.of(child, request, other(1), other(2)));
        List<NameMatch> hits = index.searchByName("Mustafa Hussein", CandidateFilter.unrestricted(), 10);
        assertThat(hits).extracting(NameMatch::profileId).startsWith("case-1", "req-1");
        assertThat(hits.getFirst().kind()).isEqualTo(ProfileKind.CASE);
        assertThat(index.searchByName("Mustafa", CandidateFilter.agencies("ICRC"), 10))
                .extracting(NameMatch::profileId).containsExactly("req-1");
    }

    @Test
    void amongManyCarriersOfTheOneSharedNameTheOneFromTheSameDistrictIsRetrievedIntoASmallPool() throws Exception {
        try (MatchingIndex small = new MatchingIndex(new ByteBuffersDirectory(), Matching.scorer(),
                PlaceAliases.defaults(), 2)) {
            for (int i = 0; i < 40; i++) {
                small.put(aCase("zawadi-" + i).givenNames("Zawadi").familyNames("Family" + (char) ('a' + i % 26))
                        .sex(Sex.FEMALE).estimatedAge(9, REGISTERED).place(Place.at("SD/DARFUR/GENEINA/V" + i))
                        .build());
            }
            small.put(aCase("true-child").givenNames("Zawadi").sex(Sex.FEMALE).estimatedAge(10, REGISTERED)
                    .place(Place.at("SD/DARFUR/NYALA/KALMA")).build());
            PersonProfile sought = aTracingRequest("req-z").givenNames("Zawadi").familyNames("Otieno")
                    .sex(Sex.FEMALE).dateOfBirth(org.kinship.tracing.PartialDate.ofYear(2015))
                    .place(Place.at("SD/DARFUR/NYALA/OTASH")).build();

            assertThat(small.findMatches(sought, CandidateFilter.unrestricted(), 2))
                    .extracting(MatchCandidate::profileId).contains("true-child");
        }
    }

    @Test
    void amongManyNamesakesOfTheDistrictTheOneFromTheVillageTheRequestNamesIsRetrievedIntoASmallPool()
            throws Exception {
        try (MatchingIndex small = new MatchingIndex(new ByteBuffersDirectory(), Matching.scorer(),
                PlaceAliases.defaults(), 2)) {
            // namesakes of the same district, born the same year, indexed first: ahead of the true child in every tie
            for (int i = 0; i < 40; i++) {
                small.put(aCase("zawadi-" + i).givenNames("Zawadi").sex(Sex.FEMALE).estimatedAge(10, REGISTERED)
                        .place(Place.at("SD/DARFUR/NYALA/V" + i)).build());
            }
            small.put(aCase("true-child").givenNames("Zawadi").sex(Sex.FEMALE).estimatedAge(10, REGISTERED)
                    .place(Place.at("SD/DARFUR/NYALA/KALMA")).build());
            // the mother names the camp by its other name, which no location path carries
            PersonProfile sought = aTracingRequest("req-z").givenNames("Zawadi").sex(Sex.FEMALE)
                    .dateOfBirth(org.kinship.tracing.PartialDate.ofYear(2015)).place(Place.named("Beleil")).build();

            assertThat(small.findMatches(sought, CandidateFilter.unrestricted(), 2))
                    .extracting(MatchCandidate::profileId).contains("true-child");
        }
    }

    @Test
    void aCandidateSharingTheGivenNameIsRetrievedBeforeOnesSharingOnlyTheFamilyNames() throws Exception {
        try (MatchingIndex small = new MatchingIndex(new ByteBuffersDirectory(), Matching.scorer(),
                PlaceAliases.defaults(), 2)) {
            // boys of another Mahmud son of Idris, indexed first: ahead of the true child in every tie
            for (int i = 0; i < 20; i++) {
                small.put(aCase("cousin-" + i).givenNames("Hamid").familyNames("Mahmud", "Idris").sex(Sex.MALE)
                        .estimatedAge(10, REGISTERED).build());
            }
            small.put(aCase("true-child").givenNames("Aisha").familyNames("Mahmud").sex(Sex.FEMALE)
                    .estimatedAge(10, REGISTERED).build());
            // as many girls named Aisha Mahmud, whose grandfather is another man
            for (int i = 0; i < 20; i++) {
                small.put(aCase("aisha-" + i).givenNames("Aisha").familyNames("Mahmud", "Salih").sex(Sex.FEMALE)
                        .estimatedAge(10, REGISTERED).build());
            }
            PersonProfile sought = aTracingRequest("req-a").givenNames("Aisha").familyNames("Mahmud", "Idris")
                    .sex(Sex.FEMALE).dateOfBirth(org.kinship.tracing.PartialDate.ofYear(2015)).build();

            assertThat(small.findMatches(sought, CandidateFilter.unrestricted(), 2))
                    .extracting(MatchCandidate::profileId).contains("true-child");
        }
    }

    @Test
    void anIndexWrittenWithOtherFieldsIsEmptiedAtOpenSoThatItIsRebuiltAndACurrentOneIsKept() throws Exception {
        Directory directory = new ByteBuffersDirectory();
        try (IndexWriter old = new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer()))) {
            Document document = new Document();
            document.add(new StringField(ProfileFields.ID, "case-old", Field.Store.YES));
            old.addDocument(document);
            old.commit();
        }
        try (MatchingIndex reopened = new MatchingIndex(directory, Matching.scorer(), PlaceAliases.defaults(), 100)) {
            assertThat(reopened.size()).isZero();
            reopened.put(child);
            reopened.commit();
        }
        try (MatchingIndex again = new MatchingIndex(directory, Matching.scorer(), PlaceAliases.defaults(), 100)) {
            assertThat(again.size()).isEqualTo(1);
        }
    }
}
