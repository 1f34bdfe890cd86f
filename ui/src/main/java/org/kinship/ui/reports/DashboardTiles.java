package org.kinship.ui.reports;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import org.kinship.reports.Dashboard;
import org.kinship.reports.TileContent;

/**
 * The home page's dashboard: one tile per {@link TileContent}, its total and each figure linking to the list it
 * counts.
 */
public class DashboardTiles extends Div {

    public DashboardTiles(Dashboard dashboard) {
        setId("dashboard");
        addClassName("kinship-dashboard");
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        dashboard.tiles().forEach(tile -> add(tile(tile)));
    }

    private static Div tile(TileContent content) {
        Div tile = new Div();
        tile.setId("tile-" + content.id().replace('.', '-'));
        tile.addClassName("kinship-tile");
        tile.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("min-width", "14em");
        Anchor total = new Anchor(content.link(), String.valueOf(content.total()));
        total.addClassName("kinship-tile-total");
        total.getStyle().set("font-size", "var(--lumo-font-size-xxxl)").set("font-weight", "600");
        UnorderedList figures = new UnorderedList();
        content.figures().forEach(figure -> {
            Anchor link = new Anchor(figure.link(), figure.label() + ": " + figure.count());
            link.setId(tile.getId().orElseThrow() + "-" + figure.key());
            figures.add(new ListItem(link));
        });
        tile.add(new H3(content.title()), total, figures);
        return tile;
    }
}
