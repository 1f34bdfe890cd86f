package org.kinship.reports.internal;

import java.util.List;
import java.util.Map;

import org.kinship.reports.AggregateCategory;
import org.kinship.reports.AggregateDefinition;
import org.kinship.reports.ReportSettings;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Report settings, and the standard monthly aggregate definition seeded on an empty database (field names of
 * the harmonised child protection templates; a coordination body publishes its own versions).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportSettings.class)
class ReportsConfiguration {

    static final String STANDARD_ID = "cp-monthly";

    @Bean
    ApplicationRunner standardAggregateDefinition(MongoAggregateRepository repository, ReportSettings settings) {
        return arguments -> {
            if (repository.countDefinitions() == 0) {
                repository.insertDefinition(standard(settings.suppressionThreshold()));
            }
        };
    }

    static AggregateDefinition standard(int threshold) {
        return new AggregateDefinition(STANDARD_ID, 1, Map.of("en", "Monthly child protection report",
                "fr", "Rapport mensuel de protection de l'enfance", "es", "Informe mensual de protección infantil",
                "ar", "التقرير الشهري لحماية الطفل"), "child-protection", "@registeredAt", threshold, List.of(
                        new AggregateCategory("sex", labels("New cases by sex", "Nouveaux dossiers par sexe",
                                "Casos nuevos por sexo", "الملفات الجديدة حسب الجنس"), "sex", List.of(), null, false),
                        new AggregateCategory("age_group", labels("New cases by age group",
                                "Nouveaux dossiers par tranche d'âge", "Casos nuevos por grupo de edad",
                                "الملفات الجديدة حسب الفئة العمرية"), "age", List.of(0, 5, 12, 15, 18), null, false),
                        new AggregateCategory("location", labels("New cases by location", "Nouveaux dossiers par lieu",
                                "Casos nuevos por ubicación", "الملفات الجديدة حسب الموقع"), "current_location",
                                List.of(), null, false),
                        new AggregateCategory("protection_concern", labels("Protection concerns of new cases",
                                "Préoccupations de protection des nouveaux dossiers",
                                "Preocupaciones de protección de los casos nuevos",
                                "مخاوف الحماية في الملفات الجديدة"), "protection_concerns", List.of(), null, true),
                        new AggregateCategory("services", labels("Services delivered", "Services fournis",
                                "Servicios prestados", "الخدمات المقدمة"), "services.service_type", List.of(),
                                "services.referral_date", false),
                        new AggregateCategory("referrals", labels("Services referred", "Services référés",
                                "Servicios derivados", "الخدمات المحالة"), "services.referred", List.of(),
                                "services.referral_date", false)));
    }

    private static Map<String, String> labels(String en, String fr, String es, String ar) {
        return Map.of("en", en, "fr", fr, "es", es, "ar", ar);
    }
}
