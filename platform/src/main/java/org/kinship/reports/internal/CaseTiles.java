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

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;
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
 * The case tiles of the dashboard, counted by the reports' read model ({@link ReportIndex}, ADR 0020) within the
 * user's {@code case:view} scope (the rule of the case list, so a figure equals the length of the list it links
 * to): my open cases by risk level, my team's open cases by risk level and by owner (users who see more than their
 * own cases) and new cases this month. A tile is one query and one pass over the matching cases' doc values (risk
 * level, owner), its scope worked out once: the cost does not depend on the number of figures.
 */
@Configuration(proxyBeanMethods = false)
class CaseTiles {

    /** Owners listed by name on the team tile; the rest are added up as "others". */
    static final int MAX_OWNERS = 12;

    @Bean
    DashboardTile myOpenCasesTile(CaseCounts counts) {
        return DashboardTile.of("cases.my-open", 10, (user, locale) -> {
            RecordScope scope = counts.scope(user);
            return scope.allowsAny() ? Optional.of(counts.openByRisk("cases.my-open", scope, user.id(), locale, 10))
                    : Optional.empty();
        });
    }

    @Bean
    DashboardTile teamOpenCasesTile(CaseCounts counts) {
        return DashboardTile.of("cases.team-open", 20, (user, locale) -> {
            RecordScope scope = counts.scope(user);
            return CaseCounts.team(scope) ? Optional.of(counts.openByRisk("cases.team-open", scope, null, locale, 20))
                    : Optional.empty();
        });
    }

    /**
     * A supervisor's team view: the open cases they may see by owner (case worker), most first, each linking to the
     * case list of that owner.
     */
    @Bean
    DashboardTile teamOwnersTile(CaseCounts counts) {
        return DashboardTile.of("cases.team-owners", 25, (user, locale) -> {
            RecordScope scope = counts.scope(user);
            return CaseCounts.team(scope) ? Optional.of(counts.openByOwner(scope, locale, 25)) : Optional.empty();
        });
    }

    @Bean
    DashboardTile newCasesThisMonthTile(CaseCounts counts) {
        return DashboardTile.of("cases.new-this-month", 30, (user, locale) -> {
            RecordScope scope = counts.scope(user);
            return scope.allowsAny() ? Optional.of(counts.newThisMonth(scope, locale, 30)) : Optional.empty();
        });
    }

    @Bean
    CaseCounts caseCounts(ReportIndex index, RecordModuleService modules, ReportFields fields,
            PermissionService permissions, UserAccountService accounts, Messages messages, Clock clock) {
        return new CaseCounts(index, modules, fields, permissions, accounts, messages, clock);
    }

    /** The counts behind the case tiles. */
    static final class CaseCounts {

        private final ReportIndex index;
        private final RecordModuleService modules;
        private final ReportFields fields;
        private final PermissionService permissions;
        private final UserAccountService accounts;
        private final Messages messages;
        private final Clock clock;

        CaseCounts(ReportIndex index, RecordModuleService modules, ReportFields fields, PermissionService permissions,
                UserAccountService accounts, Messages messages, Clock clock) {
            this.index = index;
            this.modules = modules;
            this.fields = fields;
            this.permissions = permissions;
            this.accounts = accounts;
            this.messages = messages;
            this.clock = clock;
        }

        RecordScope scope(KinshipUser user) {
            return permissions.scopeFor(user, Resource.CASE, Action.VIEW);
        }

        /** Whether the scope reaches more than the user's own cases: a team. */
        static boolean team(RecordScope scope) {
            return scope.level().compareTo(RecordScope.Level.OWN) > 0;
        }

        TileContent openByRisk(String id, RecordScope scope, @Nullable String ownerId, Locale locale, int order) {
            String base = "cases?status=OPEN" + (ownerId == null ? "" : "&owner=" + ownerId);
            BooleanQuery.Builder open = open(scope);
            if (ownerId != null) {
                open.add(new TermQuery(new Term(ReportIndex.OWNER, ownerId)), Occur.FILTER);
            }
            ReportIndex.Tally tally = index.tally(open.build(), ReportIndex.valuesField(ReportFields.RISK_LEVEL));
            List<TileFigure> figures = new ArrayList<>();
            long counted = 0;
            for (Map.Entry<String, String> level : riskLevels(locale).entrySet()) {
                long count = tally.byValue().getOrDefault(level.getKey(), 0L);
                counted += count;
                figures.add(new TileFigure(level.getKey(), level.getValue(), count, base + "&riskLevel=" + level.getKey()));
            }
            if (tally.total() > counted) {
                // cases without an assessed risk level (or with a level no form offers any more)
                figures.add(new TileFigure("other", messages.get(locale, "dashboard.risk.other"),
                        tally.total() - counted, base));
            }
            return new TileContent(id, messages.get(locale, "dashboard." + id), tally.total(), base, figures, order);
        }

        TileContent openByOwner(RecordScope scope, Locale locale, int order) {
            ReportIndex.Tally tally = index.tally(open(scope).build(), ReportIndex.OWNER);
            List<Map.Entry<String, Long>> owners = tally.byValue().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .toList();
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
            return new TileContent("cases.team-owners", messages.get(locale, "dashboard.cases.team-owners"),
                    tally.total(), "cases?status=OPEN", figures, order);
        }

        TileContent newThisMonth(RecordScope scope, Locale locale, int order) {
            LocalDate first = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1);
            String link = "cases?registeredFrom=" + first;
            Query registered = new BooleanQuery.Builder().add(ReportQueries.scope(scope), Occur.FILTER)
                    .add(LongPoint.newRangeQuery(ReportIndex.REGISTERED,
                            first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), Long.MAX_VALUE),
                            Occur.FILTER).build();
            ReportIndex.Tally tally = index.tally(registered, ReportIndex.valuesField(ReportFields.STATUS));
            long open = tally.byValue().getOrDefault(CaseStatus.OPEN.name(), 0L);
            return new TileContent("cases.new-this-month", messages.get(locale, "dashboard.cases.new-this-month"),
                    tally.total(), link, List.of(new TileFigure("open", messages.get(locale, "dashboard.open"), open,
                            link + "&status=OPEN")), order);
        }

        /** The open cases within the scope. */
        private static BooleanQuery.Builder open(RecordScope scope) {
            return new BooleanQuery.Builder().add(ReportQueries.scope(scope), Occur.FILTER)
                    .add(new TermQuery(new Term(ReportIndex.valuesField(ReportFields.STATUS),
                            ReportIndex.encode(CaseStatus.OPEN.name()))), Occur.FILTER);
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
