package org.kinship.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFileService;
import org.kinship.security.KinshipUser;
import org.kinship.testing.MutableClock;

/**
 * Random children registered in {@link ReportTestModule}'s module through the case service, kept in memory so
 * that tests can count what a report should find independently of the report engine.
 */
public final class GeneratedChildren {

    /** One family member as generated. */
    public record Member(String relationship, int age) {
    }

    /** One service as generated. */
    public record Service(String type, boolean referred, LocalDate date) {
    }

    /** One generated child and the case registered for them. */
    public record Child(String caseId, String agency, String ownerId, String name, LocalDate dateOfBirth,
            @Nullable String sex, @Nullable Integer age, String location, List<String> concerns, String risk,
            List<Member> members, List<Service> services, Instant registeredAt) {
    }

    private final Random random;
    private final List<Child> children = new ArrayList<>();

    public GeneratedChildren(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Registers {@code count} children, each by a random worker of {@code workers}, one day apart from
     * {@code start}; the clock (shared by every test of the Spring context) is set back afterwards.
     */
    public GeneratedChildren register(CaseFileService cases, List<KinshipUser> workers, int count, MutableClock clock,
            Instant start) {
        Instant before = clock.instant();
        try {
            for (int i = 0; i < count; i++) {
                clock.set(start.plusSeconds(86_400L * i));
                KinshipUser worker = workers.get(random.nextInt(workers.size()));
                children.add(registerOne(cases, worker, clock.instant()));
            }
        } finally {
            clock.set(before);
        }
        return this;
    }

    private Child registerOne(CaseFileService cases, KinshipUser worker, Instant at) {
        String sex = random.nextInt(10) == 0 ? null : pick(ReportTestModule.SEXES);
        Integer age = random.nextInt(12) == 0 ? null : random.nextInt(20);
        String location = pick(ReportTestModule.LOCATIONS);
        String name = "Child" + random.nextInt(1_000_000);
        LocalDate birth = LocalDate.of(2010 + random.nextInt(15), 1 + random.nextInt(12), 1 + random.nextInt(28));
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("given_name", name);
        registration.put("date_of_birth", birth.toString());
        if (sex != null) {
            registration.put("sex", sex);
        }
        if (age != null) {
            registration.put("age", age);
        }
        registration.put("current_location", location);
        CaseFile file = cases.register(worker, ReportTestModule.MODULE, registration, Locale.ENGLISH);

        List<String> concerns = new ArrayList<>();
        for (String concern : ReportTestModule.CONCERNS) {
            if (random.nextInt(3) == 0) {
                concerns.add(concern);
            }
        }
        String risk = pick(ReportTestModule.RISKS);
        Map<String, Object> assessment = new LinkedHashMap<>();
        assessment.put("protection_concerns", concerns);
        assessment.put("risk_level", risk);
        assessment.put("concern_details", "Details about " + name);
        file = cases.editSection(worker, file.id(), file.version(), "assessment", assessment, Locale.ENGLISH);

        List<Member> members = new ArrayList<>();
        List<Map<String, Object>> memberData = new ArrayList<>();
        for (int m = random.nextInt(4); m > 0; m--) {
            Member member = new Member(pick(ReportTestModule.RELATIONSHIPS), random.nextInt(60));
            members.add(member);
            memberData.add(Map.of("name", "Relative of " + name, "relationship", member.relationship(), "age",
                    member.age()));
        }
        file = cases.editSection(worker, file.id(), file.version(), "family", Map.of("family_members", memberData),
                Locale.ENGLISH);

        List<Service> services = new ArrayList<>();
        List<Map<String, Object>> serviceData = new ArrayList<>();
        LocalDate day = LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
        for (int s = random.nextInt(3); s > 0; s--) {
            Service service = new Service(pick(ReportTestModule.SERVICES), random.nextBoolean(),
                    day.plusDays(random.nextInt(40)));
            services.add(service);
            serviceData.add(Map.of("service_type", service.type(), "referred", service.referred(), "service_date",
                    service.date().toString()));
        }
        cases.editSection(worker, file.id(), file.version(), "services", Map.of("services", serviceData),
                Locale.ENGLISH);
        return new Child(file.id(), worker.agencyCode(), worker.id(), name, birth, sex, age, location,
                List.copyOf(concerns), risk, List.copyOf(members), List.copyOf(services), at);
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    public List<Child> children() {
        return List.copyOf(children);
    }
}
