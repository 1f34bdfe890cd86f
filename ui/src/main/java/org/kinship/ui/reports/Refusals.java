package org.kinship.ui.reports;

import java.util.Locale;

import org.kinship.i18n.Messages;
import org.kinship.reports.ReportRefusedException;

/** The user's-language text of a refused report request. */
final class Refusals {

    private Refusals() {
    }

    static String text(Messages messages, Locale locale, ReportRefusedException e) {
        return messages.get(locale, e.messageKey(), e.args());
    }
}
