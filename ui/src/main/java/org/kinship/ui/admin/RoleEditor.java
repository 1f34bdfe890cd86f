package org.kinship.ui.admin;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.Permission.Scope;
import org.kinship.security.Role;
import org.kinship.security.RoleService;

/**
 * Edits a role's permissions: one row per resource, one column per action, a scope select per cell (empty =
 * not allowed). Saving goes through {@link RoleService}, which keeps the administrator's own administration.
 */
class RoleEditor extends AdminDialog {

    private final RoleService roles;
    private final KinshipUser actor;
    private final Role role;
    private final Map<Resource, Map<Action, Scope>> matrix = new EnumMap<>(Resource.class);
    final TextField name = new TextField();
    final TextField label = new TextField();

    RoleEditor(RoleService roles, KinshipUser actor, Role role, Runnable saved) {
        super("role", saved);
        this.roles = roles;
        this.actor = actor;
        this.role = role;
        setHeaderTitle(isNew() ? getTranslation("admin.role.new") : role.name());
        setWidth("90vw");
        for (Permission permission : role.permissions()) {
            matrix.computeIfAbsent(permission.resource(), r -> new EnumMap<>(Action.class))
                    .merge(permission.action(), permission.scope(), (a, b) -> a.covers(b) ? a : b);
        }
        name.setLabel(getTranslation("admin.role.name"));
        name.setValue(role.name());
        name.setReadOnly(!isNew());
        label.setLabel(getTranslation("admin.role.label"));
        label.setValue(role.labels().getOrDefault(getLocale().getLanguage(), role.labels().getOrDefault("en", "")));
        add(name, label, grid());
        addErrorLine();
    }

    private boolean isNew() {
        return role.version() < 0;
    }

    private Grid<Resource> grid() {
        Grid<Resource> grid = new Grid<>();
        grid.setId("permission-matrix");
        grid.addColumn(resource -> getTranslation("resource." + resource.key()))
                .setHeader(getTranslation("admin.role.resource")).setFrozen(true).setAutoWidth(true);
        for (Action action : Action.values()) {
            grid.addComponentColumn(resource -> cell(resource, action))
                    .setHeader(getTranslation("action." + action.key())).setAutoWidth(true);
        }
        grid.setItems(List.of(Resource.values()));
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Select<String> cell(Resource resource, Action action) {
        Select<String> select = new Select<>();
        select.setItems(scopeKeys());
        select.setItemLabelGenerator(key -> key.isEmpty() ? "—" : getTranslation("scope." + key));
        Scope scope = scope(resource, action);
        select.setValue(scope == null ? "" : scope.key());
        select.addValueChangeListener(change -> setScope(resource, action,
                change.getValue().isEmpty() ? null : Scope.valueOf(change.getValue().toUpperCase(java.util.Locale.ROOT))));
        return select;
    }

    private static List<String> scopeKeys() {
        List<String> keys = new java.util.ArrayList<>(List.of(""));
        for (Scope scope : Scope.values()) {
            keys.add(scope.key());
        }
        return keys;
    }

    @Nullable Scope scope(Resource resource, Action action) {
        return matrix.getOrDefault(resource, Map.of()).get(action);
    }

    /** Sets one cell; {@code null} removes the permission. */
    void setScope(Resource resource, Action action, @Nullable Scope scope) {
        Map<Action, Scope> row = matrix.computeIfAbsent(resource, r -> new EnumMap<>(Action.class));
        if (scope == null) {
            row.remove(action);
        } else {
            row.put(action, scope);
        }
    }

    Set<Permission> permissions() {
        Set<Permission> granted = new HashSet<>();
        matrix.forEach((resource, row) -> row.forEach((action, scope) -> granted.add(Permission.of(resource, action,
                scope))));
        return granted;
    }

    @Override
    boolean save() {
        Map<String, String> labels = new HashMap<>(role.labels());
        if (!label.getValue().isBlank()) {
            labels.put(getLocale().getLanguage(), label.getValue().strip());
        }
        return saveWith(() -> {
            if (isNew()) {
                roles.create(actor, name.getValue().strip(), labels, permissions());
            } else {
                roles.update(actor, role.name(), labels, permissions(), role.version());
            }
        });
    }
}
