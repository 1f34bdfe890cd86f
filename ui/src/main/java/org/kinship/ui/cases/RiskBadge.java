package org.kinship.ui.cases;

import com.vaadin.flow.component.html.Span;

/** A case's risk level as a coloured badge (the colour is a hint; the text says the level). */
final class RiskBadge {

    private RiskBadge() {
    }

    static Span of(String code, String label) {
        Span badge = new Span(label);
        badge.getElement().getThemeList().add("badge");
        badge.getElement().getThemeList().add(switch (code) {
            case "high", "critical" -> "error";
            case "medium" -> "warning";
            case "low" -> "success";
            default -> "contrast";
        });
        badge.addClassName("kinship-risk");
        badge.getElement().setAttribute("data-risk", code);
        return badge;
    }
}
