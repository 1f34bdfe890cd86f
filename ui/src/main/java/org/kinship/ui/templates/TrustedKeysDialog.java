package org.kinship.ui.templates;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.kinship.audit.AuditActor;
import org.kinship.templates.TemplateService;
import org.kinship.templates.TrustedKey;

/**
 * The publisher keys this instance trusts, this instance's own public key (to give to others), and adding a
 * publisher's key.
 */
class TrustedKeysDialog extends Dialog {

    private final TemplateService templates;
    private final Grid<TrustedKey> grid = new Grid<>();
    private final TextField name = new TextField();
    private final TextArea publicKey = new TextArea();

    TrustedKeysDialog(TemplateService templates, AuditActor actor) {
        this.templates = templates;
        setId("templates-keys");
        setWidth("min(50rem, 95vw)");
        setHeaderTitle(getTranslation("templates.keys"));
        grid.addColumn(TrustedKey::name).setHeader(getTranslation("templates.keys.name")).setFlexGrow(2);
        grid.addColumn(TrustedKey::keyId).setHeader(getTranslation("templates.keys.id"));
        grid.addColumn(key -> getTranslation("templates.keys.source." + key.source()))
                .setHeader(getTranslation("templates.keys.source"));
        grid.setAllRowsVisible(true);
        TextArea own = new TextArea(getTranslation("templates.keys.instance"));
        own.setId("templates-instance-key");
        own.setReadOnly(true);
        own.setWidthFull();
        own.setValue(templates.trustedKeys().stream().filter(key -> key.source().equals("instance"))
                .map(TrustedKey::publicKey).findFirst().orElse(""));
        name.setLabel(getTranslation("templates.keys.name"));
        name.setId("templates-key-name");
        publicKey.setLabel(getTranslation("templates.keys.publicKey"));
        publicKey.setId("templates-key-value");
        publicKey.setWidthFull();
        Button add = new Button(getTranslation("templates.keys.add"), click -> add(actor));
        add.setId("templates-key-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new VerticalLayout(grid, own, new FormLayout(name, publicKey), add));
        getFooter().add(new Button(getTranslation("templates.cancel"), click -> close()));
        refresh();
    }

    void add(AuditActor actor) {
        try {
            templates.trust(name.getValue().isBlank() ? "publisher" : name.getValue().strip(), publicKey.getValue(),
                    actor);
            name.clear();
            publicKey.clear();
            publicKey.setInvalid(false);
            refresh();
        } catch (IllegalArgumentException e) {
            publicKey.setErrorMessage(getTranslation("templates.keys.invalid"));
            publicKey.setInvalid(true);
        }
    }

    TextField nameField() {
        return name;
    }

    TextArea publicKeyField() {
        return publicKey;
    }

    Grid<TrustedKey> grid() {
        return grid;
    }

    private void refresh() {
        grid.setItems(templates.trustedKeys());
    }
}
