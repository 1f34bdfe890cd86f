package org.kinship.reports;

import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

import org.kinship.security.KinshipUser;

/**
 * Service provider interface of the home page dashboard: any feature contributes tiles by declaring a Spring
 * bean implementing this (cases: open cases by risk level, new cases this month; tasks: overdue and due soon;
 * referrals: by status; approvals waiting). A tile counts only what the user may see and must stay fast as data
 * grows: answer from an index or a counter, never by reading every record.
 */
public interface DashboardTile {

    /** Stable id, e.g. {@code cases.my-open}; the UI keys its layout and tests on it. */
    String id();

    /** Position on the dashboard, smaller first. */
    int order();

    /** The tile's figures for this user, or empty when the tile does not apply to them (no permission). */
    Optional<TileContent> contentFor(KinshipUser user, Locale locale);

    /** A tile from its id, order and content. */
    static DashboardTile of(String id, int order, BiFunction<KinshipUser, Locale, Optional<TileContent>> content) {
        return new DashboardTile() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public Optional<TileContent> contentFor(KinshipUser user, Locale locale) {
                return content.apply(user, locale);
            }
        };
    }
}
