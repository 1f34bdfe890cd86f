package org.kinship.tracing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tracing requests and how records become matching profiles (bound under {@code kinship.tracing}). Field
 * lists name form fields in order of preference; the first one a record has is used (lists of names are all
 * used). The defaults are the field names of the standard child protection templates and of the built-in
 * case module.
 *
 * @param requestForm           the published form tracing requests are filled with ({@code KINSHIP_TRACING_REQUESTFORM})
 * @param requestNumberPattern  {@code {agency}}, {@code {year}} and {@code {seq:N}} placeholders
 * @param locationLookup        the lookup whose parent links make the location hierarchy
 * @param relationshipLookup    the lookup whose labels name relatives' relationship codes on the review screens
 * @param caseGivenNames        case fields with given names
 * @param caseFamilyNames       case fields with family, father's or grandfather's names
 * @param caseOtherNames        case fields with nicknames and other names
 * @param caseSex               case fields with the sex ({@code female} / {@code male})
 * @param caseDateOfBirth       case fields with the (possibly partial) date of birth
 * @param caseAge               case fields with an age in years (taken as an estimate without a date of birth)
 * @param caseEstimatedAge      case fields with an age a worker estimated
 * @param casePlaces            case fields with places (location codes or names)
 * @param caseFamilyMembers     case fields with names of relatives and caregivers and their relationship to the
 *                              child: {@code field=relationship}, {@code field=@relationship_field},
 *                              {@code group/field=@relationship_field} for a repeating group, or a bare
 *                              {@code field} when the relationship is not known (family members are compared by
 *                              relationship, ADR 0026)
 * @param caseSeparationDate    case fields with the (possibly partial) date the child was separated from its family
 * @param requestChildren       the repeating group of sought children
 * @param requestChildNames     fields of a sought child with its names (the first part is the given name)
 * @param requestChildSex       fields of a sought child with its sex
 * @param requestChildDateOfBirth fields of a sought child with its date of birth
 * @param requestChildAge       fields of a sought child with its age (as told by the inquirer)
 * @param requestChildPlaces    fields of a sought child with places (separation, origin)
 * @param requestChildSeparationDate fields of a sought child with the date it was separated from the inquirer
 * @param requestFamilyMembers  request fields with names of relatives (the inquirer), written as
 *                              {@code caseFamilyMembers}
 */
@ConfigurationProperties("kinship.tracing")
public record TracingSettings(
        @DefaultValue("tracing_request") String requestForm,
        @DefaultValue("TR-{agency}-{year}-{seq:5}") String requestNumberPattern,
        @DefaultValue("locations") String locationLookup,
        @DefaultValue("relationships") String relationshipLookup,
        @DefaultValue({"given_name", "name_first"}) List<String> caseGivenNames,
        @DefaultValue({"family_name", "name_middle", "name_last"}) List<String> caseFamilyNames,
        @DefaultValue({"other_names", "name_nickname"}) List<String> caseOtherNames,
        @DefaultValue("sex") List<String> caseSex,
        @DefaultValue("date_of_birth") List<String> caseDateOfBirth,
        @DefaultValue("age") List<String> caseAge,
        @DefaultValue("estimated_age") List<String> caseEstimatedAge,
        @DefaultValue({"current_location", "location_current", "separation_place", "place_of_separation",
                "place_of_origin"}) List<String> casePlaces,
        @DefaultValue({"caregiver_name=@caregiver_relationship", "father_name=father", "mother_name=mother",
                "family_members/name=@relationship"}) List<String> caseFamilyMembers,
        @DefaultValue({"separation_date", "date_of_separation"}) List<String> caseSeparationDate,
        @DefaultValue("sought_children") String requestChildren,
        @DefaultValue({"name", "other_names"}) List<String> requestChildNames,
        @DefaultValue("sex") List<String> requestChildSex,
        @DefaultValue("date_of_birth") List<String> requestChildDateOfBirth,
        @DefaultValue("age") List<String> requestChildAge,
        @DefaultValue({"separation_place", "place_of_origin"}) List<String> requestChildPlaces,
        @DefaultValue({"separation_date", "date_of_separation"}) List<String> requestChildSeparationDate,
        @DefaultValue("inquirer_name=@inquirer_relationship") List<String> requestFamilyMembers) {

    /** The defaults above, for tools and tests without Spring. */
    public static TracingSettings defaults() {
        return new TracingSettings("tracing_request", "TR-{agency}-{year}-{seq:5}", "locations", "relationships",
                List.of("given_name", "name_first"), List.of("family_name", "name_middle", "name_last"),
                List.of("other_names", "name_nickname"), List.of("sex"), List.of("date_of_birth"), List.of("age"),
                List.of("estimated_age"),
                List.of("current_location", "location_current", "separation_place", "place_of_separation",
                        "place_of_origin"),
                List.of("caregiver_name=@caregiver_relationship", "father_name=father", "mother_name=mother",
                        "family_members/name=@relationship"), List.of("separation_date", "date_of_separation"),
                "sought_children", List.of("name", "other_names"), List.of("sex"), List.of("date_of_birth"),
                List.of("age"), List.of("separation_place", "place_of_origin"),
                List.of("separation_date", "date_of_separation"), List.of("inquirer_name=@inquirer_relationship"));
    }

    public TracingSettings {
        caseGivenNames = List.copyOf(caseGivenNames);
        caseFamilyNames = List.copyOf(caseFamilyNames);
        caseOtherNames = List.copyOf(caseOtherNames);
        caseSex = List.copyOf(caseSex);
        caseDateOfBirth = List.copyOf(caseDateOfBirth);
        caseAge = List.copyOf(caseAge);
        caseEstimatedAge = List.copyOf(caseEstimatedAge);
        casePlaces = List.copyOf(casePlaces);
        caseFamilyMembers = List.copyOf(caseFamilyMembers);
        caseSeparationDate = List.copyOf(caseSeparationDate);
        requestChildNames = List.copyOf(requestChildNames);
        requestChildSex = List.copyOf(requestChildSex);
        requestChildDateOfBirth = List.copyOf(requestChildDateOfBirth);
        requestChildAge = List.copyOf(requestChildAge);
        requestChildPlaces = List.copyOf(requestChildPlaces);
        requestChildSeparationDate = List.copyOf(requestChildSeparationDate);
        requestFamilyMembers = List.copyOf(requestFamilyMembers);
    }
}
