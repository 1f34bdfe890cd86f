package org.kinship.ui.forms;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupService;

/**
 * Administrators' lookups: named, translated option lists shared by forms. Values keep stable codes; a value
 * in use can only be retired (it stays readable in old records but is no longer offered).
 */
@Route("admin/lookups")
@RolesAllowed("ADMINISTRATOR")
public class LookupsView extends VerticalLayout implements HasDynamicTitle {

    private final LookupService lookups;
    private final Grid<Lookup> grid = new Grid<>();

    public LookupsView(LookupService lookups) {
        this.lookups = lookups;
        setId("lookups-view");
        grid.setId("lookups-grid");
        grid.addColumn(Lookup::id).setHeader(getTranslation("lookups.id"));
        grid.addColumn(lookup -> name(lookup.name())).setHeader(getTranslation("lookups.name")).setFlexGrow(2);
        grid.addColumn(lookup -> lookup.values().stream().filter(v -> !v.retired()).count())
                .setHeader(getTranslation("lookups.values"));
        grid.addItemClickListener(event -> openEditor(event.getItem()));
        grid.setAllRowsVisible(true);
        Button create = new Button(getTranslation("lookups.new"), VaadinIcon.PLUS.create(),
                click -> openEditor(new Lookup("", Map.of(), List.of(), 0)));
        create.setId("new-lookup");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("nav.lookups")), new HorizontalLayout(create), grid);
        refresh();
    }

    private String name(Map<String, String> names) {
        return names.getOrDefault(getLocale().getLanguage(), names.getOrDefault("en", ""));
    }

    void refresh() {
        grid.setItems(lookups.list());
    }

    LookupEditor openEditor(Lookup lookup) {
        LookupEditor editor = new LookupEditor(lookups, lookup, this::refresh);
        editor.open();
        return editor;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.lookups") + " · " + getTranslation("app.name");
    }
}
