package org.kinship.referrals.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.kinship.i18n.Messages;
import org.kinship.referrals.ReferralService;
import org.kinship.referrals.ReferralStatus;
import org.kinship.referrals.ReferralSummary;
import org.kinship.reports.DashboardTile;
import org.kinship.reports.TileContent;
import org.kinship.reports.TileContent.TileFigure;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.RecordScope;
import org.springframework.stereotype.Component;

/**
 * The home page tile "referrals by status and overdue responses": the referrals the user received (named, or to
 * their agency) and sent, as the referrals page lists them ({@link ReferralService#summary}), each figure linking
 * to that page filtered accordingly ({@code referrals?box=received&status=in_progress&overdue=true}). Shown to users
 * who may refer or answer referrals. Counts come from the user's own lists (lookup keys, ADR 0019), never from all
 * referrals.
 */
@Component
class ReferralTile implements DashboardTile {

    static final String ID = "referrals.by-status";
    static final String PAGE = "referrals";

    private final ReferralService referrals;
    private final ReferralSupport support;
    private final Messages messages;

    ReferralTile(ReferralService referrals, ReferralSupport support, Messages messages) {
        this.referrals = referrals;
        this.support = support;
        this.messages = messages;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Optional<TileContent> contentFor(KinshipUser user, Locale locale) {
        boolean refers = support.scope(user, Action.REFER).level() != RecordScope.Level.NONE;
        if (!refers && !support.mayViewCases(user)) {
            return Optional.empty();
        }
        ReferralSummary summary = referrals.summary(user);
        List<TileFigure> figures = new ArrayList<>();
        figures.add(figure(locale, "received", ReferralStatus.IN_PROGRESS, count(summary.received(),
                ReferralStatus.IN_PROGRESS), false));
        figures.add(figure(locale, "received", ReferralStatus.IN_PROGRESS, summary.overdueReceived(), true));
        figures.add(figure(locale, "received", ReferralStatus.ACCEPTED, count(summary.received(),
                ReferralStatus.ACCEPTED), false));
        figures.add(figure(locale, "sent", ReferralStatus.IN_PROGRESS, count(summary.sent(),
                ReferralStatus.IN_PROGRESS), false));
        figures.add(figure(locale, "sent", ReferralStatus.IN_PROGRESS, summary.overdueSent(), true));
        for (ReferralStatus status : List.of(ReferralStatus.ACCEPTED, ReferralStatus.REJECTED, ReferralStatus.DONE)) {
            figures.add(figure(locale, "sent", status, count(summary.sent(), status), false));
        }
        long active = count(summary.received(), ReferralStatus.IN_PROGRESS)
                + count(summary.received(), ReferralStatus.ACCEPTED) + count(summary.sent(), ReferralStatus.IN_PROGRESS)
                + count(summary.sent(), ReferralStatus.ACCEPTED);
        return Optional.of(new TileContent(ID, messages.get(locale, "referrals.tile.title"), active, PAGE, figures,
                order()));
    }

    private TileFigure figure(Locale locale, String box, ReferralStatus status, long count, boolean overdue) {
        String key = box + "." + (overdue ? "overdue" : status.key());
        String link = PAGE + "?box=" + box + "&status=" + status.key() + (overdue ? "&overdue=true" : "");
        return new TileFigure(key, messages.get(locale, "referrals.tile." + key), count, link);
    }

    private static long count(Map<ReferralStatus, Long> counts, ReferralStatus status) {
        return counts.getOrDefault(status, 0L);
    }
}
