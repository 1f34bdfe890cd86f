package org.kinship.ui.shell;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseRecords;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModuleService;
import org.kinship.consent.ConsentDecision;
import org.kinship.consent.ConsentPurpose;
import org.kinship.consent.ConsentService;
import org.kinship.consent.DataProtectionWishes;
import org.kinship.forms.FormDefinitionService;
import org.kinship.security.FirstStartSettings;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.tracing.InvalidTracingRequestException;
import org.kinship.tracing.TracingRequestService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With the demo ({@code KINSHIP_DEMO=true}, the default of {@code ./kinship}) and an empty case store, registers
 * a small, invented caseload through the same services the screens use, so that the case list, the task inbox,
 * the dashboard, reports and matching have something to show on the first start: for each demo agency's case
 * workers a few children (some assessed, with risk levels; most with consent), one closed case, and one tracing
 * request that matches a registered child in another spelling. Every name is invented. Nothing happens when a
 * case exists already, when the demo users are missing, or when the standard forms are not published.
 */
@Component
class DemoCases {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    private static final String MODULE = "child-protection";
    private static final List<String> WORKERS = List.of("hope.worker1", "hope.worker2", "rise.worker1",
            "rise.worker2");
    private static final List<String[]> CHILDREN = List.of(
            new String[] {"Amina", "Kabila", "female"}, new String[] {"Mustafa", "Hussein", "male"},
            new String[] {"Esperance", "Mukiza", "female"}, new String[] {"Jean-Paul", "Habimana", "male"},
            new String[] {"Fatuma", "Ndayisenga", "female"}, new String[] {"Yusuf", "Abdi", "male"},
            new String[] {"Grace", "Uwimana", "female"}, new String[] {"Emmanuel", "Bahati", "male"},
            new String[] {"Aisha", "Mohamed", "female"}, new String[] {"Pierre", "Mugisha", "male"},
            new String[] {"Neema", "Furaha", "female"}, new String[] {"Ibrahim", "Kassim", "male"},
            new String[] {"Mariam", "Said", "female"}, new String[] {"David", "Kambale", "male"},
            new String[] {"Sifa", "Mapendo", "female"}, new String[] {"Omar", "Hassan", "male"});
    private static final List<String> PLACES = List.of("nk-goma", "nk-rutshuru", "nk-masisi", "sk-bukavu",
            "sk-uvira");
    private static final List<String> STATUSES = List.of("separated", "unaccompanied", "accompanied");
    private static final List<String> CONCERNS = List.of("separated", "psychosocial_distress", "neglect",
            "child_labour", "physical_violence");
    private static final List<String> RISKS = List.of("high", "medium", "low");
    private static final List<String> CAUSES = List.of("conflict", "displacement");
    private static final String TRACING_FORM = "tracing";
    /** The child the demo tracing request looks for ("Moustapha Houssein"). */
    private static final int MUSTAFA = 1;

    private final FirstStartSettings settings;
    private final UserAccountService accounts;
    private final CaseFileService cases;
    private final CaseRecords records;
    private final ConsentService consent;
    private final FormDefinitionService forms;
    private final RecordModuleService modules;
    private final Optional<TracingRequestService> tracing;
    private final Clock clock;

    DemoCases(FirstStartSettings settings, UserAccountService accounts, CaseFileService cases, CaseRecords records,
            ConsentService consent, FormDefinitionService forms, RecordModuleService modules,
            Optional<TracingRequestService> tracing, Clock clock) {
        this.settings = settings;
        this.accounts = accounts;
        this.cases = cases;
        this.records = records;
        this.consent = consent;
        this.forms = forms;
        this.modules = modules;
        this.tracing = tracing;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!settings.demo() || records.count() > 0 || forms.latestVersion("registration").isEmpty()
                || forms.latestVersion("initial_assessment").isEmpty()) {
            return;
        }
        List<KinshipUser> workers = WORKERS.stream().map(accounts::findByUsername).flatMap(Optional::stream)
                .map(KinshipUser::of).toList();
        if (workers.size() != WORKERS.size()) {
            return;
        }
        try {
            log.info("Seeded {} demo cases", register(workers).size());
        } catch (RuntimeException e) {
            // the demo must never stop the product from starting; what was registered stays (each case is whole)
            log.warn("Demo cases were not all seeded: {}", e.getClass().getSimpleName());
        }
    }

    /** The demo day child {@code i} was separated: some weeks before today, the same for a child every run. */
    private static LocalDate separated(LocalDate today, int i) {
        return today.minusDays(20 + 9L * i);
    }

    /** Registers the demo caseload, each child by one of {@code workers} in turn; answers the cases as stored. */
    List<CaseFile> register(List<KinshipUser> workers) {
        Random random = new Random(20261121L);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<CaseFile> registered = new java.util.ArrayList<>();
        // the standard module's tracing section, when its form is published (a deployment may have left it out)
        Optional<String> tracingSection = forms.latestVersion(TRACING_FORM).isEmpty() ? Optional.empty()
                : modules.find(MODULE).stream().flatMap(module -> module.sections().stream())
                        .filter(section -> section.formId().equals(TRACING_FORM)).map(ModuleSection::id).findFirst();
        for (int i = 0; i < CHILDREN.size(); i++) {
            String[] child = CHILDREN.get(i);
            KinshipUser worker = workers.get(i % workers.size());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("given_name", child[0]);
            data.put("family_name", child[1]);
            data.put("sex", child[2]);
            if (i % 3 == 0) {
                data.put("date_of_birth", today.minusYears(6 + random.nextInt(10)).minusDays(random.nextInt(300))
                        .toString());
            } else {
                data.put("estimated_age", 4 + random.nextInt(13));
            }
            data.put("current_location", PLACES.get(random.nextInt(PLACES.size())));
            data.put("separation_status", STATUSES.get(i % STATUSES.size()));
            CaseFile file = cases.register(worker, MODULE, data, Locale.ENGLISH);
            if (i % 5 != 4) {
                consent.record(worker, file.id(), Map.of(ConsentPurpose.SERVICES, ConsentDecision.GIVEN,
                        ConsentPurpose.SHARING, ConsentDecision.GIVEN, ConsentPurpose.TRACING, ConsentDecision.GIVEN,
                        ConsentPurpose.REPORTING, ConsentDecision.GIVEN), DataProtectionWishes.NONE, 0);
            }
            if (i % 4 != 3) {
                Map<String, Object> assessment = new LinkedHashMap<>();
                assessment.put("assessment_date", today.minusDays(random.nextInt(20)).toString());
                assessment.put("protection_concerns", List.of(CONCERNS.get(i % CONCERNS.size()),
                        CONCERNS.get((i + 2) % CONCERNS.size())));
                assessment.put("risk_level", RISKS.get(i % RISKS.size()));
                file = cases.editSection(worker, file.id(), file.version(), "initial_assessment", assessment,
                        Locale.ENGLISH);
            }
            if (tracingSection.isPresent() && i % 2 == 1) {
                // when and where the child was separated: what matching compares with the parents' requests
                Map<String, Object> separation = new LinkedHashMap<>();
                separation.put("separation_date", separated(today, i).toString());
                separation.put("separation_place", PLACES.get((i + 1) % PLACES.size()));
                separation.put("separation_cause", CAUSES.get(i % CAUSES.size()));
                file = cases.editSection(worker, file.id(), file.version(), tracingSection.get(), separation,
                        Locale.ENGLISH);
            }
            if (i == CHILDREN.size() - 1) {
                file = cases.close(worker, file.id(), file.version(), "Reunified with the family (demo)");
            }
            registered.add(file);
        }
        tracing.ifPresent(requests -> {
            if (forms.latestVersion("tracing_request").isPresent()) {
                try {
                    // the mother comes to the desk of the agency that registered her son: the worker who registered
                    // him (and the agency's supervisor) may see both records, so the match shows (scope keeps it from
                    // everyone else)
                    requests.create(workers.get(MUSTAFA % workers.size()), Map.of("inquirer_name", "Khadija Hussein",
                            "inquirer_relationship", "mother", "inquirer_location", "nk-goma", "sought_children",
                            List.of(Map.of("name", "Moustapha Houssein", "sex", "male", "age", 9,
                                    "separation_place", "nk-rutshuru", "separation_date",
                                    YearMonth.from(separated(today, MUSTAFA)).toString()))), Locale.ENGLISH);
                } catch (InvalidTracingRequestException e) {
                    // an adapted tracing request form: the demo request is left out, the cases stay
                    log.info("The demo tracing request does not fit the published tracing request form");
                }
            }
        });
        return registered;
    }
}
