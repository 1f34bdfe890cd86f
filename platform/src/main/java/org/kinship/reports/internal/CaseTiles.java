package org.kinship.reports.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseListService;
import org.kinship.cases.CaseQuery;
import org.kinship.cases.CaseStatus;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.i18n.Messages;
import org.kinship.reports.DashboardTile;
import org.kinship.reports.TileContent;
import org.kinship.reports.TileContent.TileFigure;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.security.RecordScope;
import org.kinship.security.UserAccount;
import org.kinship.security.UserAccountService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The case tiles of the dashboard, counted by the case index ({@link CaseListService}: one count per figure,
 * within the user's {@code case:view} scope), so they cost the same at 1,000 or 100,000 cases: my open cases
 * by risk level, my team's open cases by risk level and by owner (users who see more than their own cases; the
 * owners are counted from the reports' read model) and new cases this month.
 */
@Configuration(proxyBeanMethods = false)
class CaseTiles {

    /** Owners listed by name on the team tile; the rest are added up as "others". */
    static final int MAX_OWNERS = 12;

    @Bean
    DashboardTile myOpenCasesTile(CaseCounts counts) {
        return DashboardTile.of("cases.my-open", 10, (user, locale) -> counts.scope(user).allowsAny()
                ? Optional.of(counts.openByRisk("cases.my-open", user, user.id(), locale, 10)) : Optional.empty());
    }

    @Bean
    DashboardTile teamOpenCasesTile(CaseCounts counts) {
        return DashboardTile.of("cases.team-open", 20, (user, locale) -> counts.scope(user).level().compareTo(RecordScope.Level.OWN) > 0
                ? Optional.of(counts.openByRisk("cases.team-open", user, null, locale, 20)) : Optional.empty());
    }

    /**
     * A supervisor's team view: the open cases they may see by owner (case worker), most first, each linking to the
     * case list of that owner. Counted in one pass over the owners' doc values of the reports' read model.
     */
    @Bean
    DashboardTile teamOwnersTile(CaseCounts counts, ReportIndex index, UserAccountService accounts,
            Messages messages) {
        return DashboardTile.of("cases.team-owners", 25, (user, locale) -> {
            RecordScope scope = counts.scope(user);
            if (scope.level().compareTo(RecordScope.Level.OWN) <= 0) {
                return Optional.empty();
            }
            Query open = new BooleanQuery.Builder().add(ReportQueries.scope(scope), Occur.FILTER)
                    .add(new TermQuery(new Term(ReportIndex.valuesField(ReportFields.STATUS),
                            ReportIndex.encode(CaseStatus.OPEN.name()))), Occur.FILTER).build();
            List<Map.Entry<String, Long>> owners = index.countByOwner(open).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .toList();
            long total = owners.stream().mapToLong(Map.Entry::getValue).sum();
            List<TileFigure> figures = new ArrayList<>();
            for (Map.Entry<String, Long> owner : owners.subList(0, Math.min(owners.size(), MAX_OWNERS))) {
                String name = accounts.findById(owner.getKey()).map(UserAccount::displayName)
                        .orElse(messages.get(locale, "dashboard.cases.team-owners.unknown"));
                figures.add(new TileFigure(owner.getKey(), name, owner.getValue(),
                        "cases?status=OPEN&owner=" + owner.getKey()));
            }
            long others = owners.stream().skip(MAX_OWNERS).mapToLong(Map.Entry::getValue).sum();
            if (others > 0) {
                figures.add(new TileFigure("others", messages.get(locale, "dashboard.cases.team-owners.others"),
                        others, "cases?status=OPEN"));
            }
            return Optional.of(new TileContent("cases.team-owners", messages.get(locale, "dashboard.cases.team-owners"),
                    total, "cases?status=OPEN", figures, 25));
        });
    }

    @Bean
    DashboardTile newCasesThisMonthTile(CaseCounts counts) {
        return DashboardTile.of("cases.new-this-month", 30, (user, locale) -> counts.scope(user).allowsAny()
                ? Optional.of(counts.newThisMonth(user, locale, 30)) : Optional.empty());
    }

    @Bean
    CaseCounts caseCounts(CaseListService lists, RecordModuleService modules, ReportFields fields,
            PermissionService permissions, Messages messages, Clock clock) {
        return new CaseCounts(lists, modules, fields, permissions, messages, clock);
    }

    /** The counts behind the case tiles. */
    static final class CaseCounts {

        private final CaseListService lists;
        private final RecordModuleService modules;
        private final ReportFields fields;
        private final PermissionService permissions;
        private final Messages messages;
        private final Clock clock;

        CaseCounts(CaseListService lists, RecordModuleService modules, ReportFields fields,
                PermissionService permissions, Messages messages, Clock clock) {
            this.lists = lists;
            this.modules = modules;
            this.fields = fields;
            this.permissions = permissions;
            this.messages = messages;
            this.clock = clock;
        }

        RecordScope scope(KinshipUser user) {
            return permissions.scopeFor(user, Resource.CASE, Action.VIEW);
        }

        TileContent openByRisk(String id, KinshipUser user, @Nullable String ownerId, Locale locale, int order) {
            String base = "cases?status=OPEN" + (ownerId == null ? "" : "&owner=" + ownerId);
            long total = count(user, CaseStatus.OPEN, null, ownerId, null);
            List<TileFigure> figures = new ArrayList<>();
            long counted = 0;
            for (Map.Entry<String, String> level : riskLevels(locale).entrySet()) {
                long count = count(user, CaseStatus.OPEN, level.getKey(), ownerId, null);
                counted += count;
                figures.add(new TileFigure(level.getKey(), level.getValue(), count, base + "&riskLevel=" + level.getKey()));
            }
            if (total > counted) {
                // cases without an assessed risk level (or with a level no form offers any more)
                figures.add(new TileFigure("other", messages.get(locale, "dashboard.risk.other"), total - counted, base));
            }
            return new TileContent(id, messages.get(locale, "dashboard." + id), total, base, figures, order);
        }

        TileContent newThisMonth(KinshipUser user, Locale locale, int order) {
            LocalDate first = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1);
            String link = "cases?registeredFrom=" + first;
            long total = count(user, null, null, null, first);
            long open = count(user, CaseStatus.OPEN, null, null, first);
            return new TileContent("cases.new-this-month", messages.get(locale, "dashboard.cases.new-this-month"),
                    total, link, List.of(new TileFigure("open", messages.get(locale, "dashboard.open"), open,
                            link + "&status=OPEN")), order);
        }

        private long count(KinshipUser user, @Nullable CaseStatus status, @Nullable String risk,
                @Nullable String ownerId, @Nullable LocalDate registeredFrom) {
            return lists.list(user, new CaseQuery(null, status, risk, ownerId, null, null, null, null, null,
                    registeredFrom, null, null, CaseQuery.SortField.REGISTERED_AT, true, 0, 1)).total();
        }

        /** The risk levels the case modules' forms offer, in their order, labelled. */
        private Map<String, String> riskLevels(Locale locale) {
            Map<String, String> levels = new LinkedHashMap<>();
            String language = locale.getLanguage();
            for (RecordModule module : modules.list()) {
                if ("case".equals(module.recordType())) {
                    fields.riskLevels(module).forEach((level, labels) -> levels.putIfAbsent(level,
                            labels.getOrDefault(language, labels.getOrDefault("en", level))));
                }
            }
            return levels;
        }
    }
}
