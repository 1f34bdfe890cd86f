package org.kinship.ui.admin;

import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import org.kinship.i18n.SupportedLocales;
import org.kinship.security.Agency;
import org.kinship.security.KinshipUser;
import org.kinship.security.Role;
import org.kinship.security.UserAccount;
import org.kinship.security.UserAdministration;
import org.kinship.security.UserGroup;

/**
 * Creates or edits an account: display name, roles, agency, groups, language, enabled; resets the password
 * (the generated one is shown once) and the second factor. Every rule is the service's; a refusal stays in
 * the dialog with its reason.
 */
class UserDialog extends AdminDialog {

    private final UserDialogs services;
    private final KinshipUser actor;
    private final @Nullable UserAccount account;
    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final PasswordField password = new PasswordField();
    final MultiSelectComboBox<String> roles = new MultiSelectComboBox<>();
    final ComboBox<String> agency = new ComboBox<>();
    final MultiSelectComboBox<UserGroup> groups = new MultiSelectComboBox<>();
    final ComboBox<String> language = new ComboBox<>();
    final EmailField email = new EmailField();
    final Checkbox enabled = new Checkbox();
    private final Span generated = new Span();
    private Set<UserGroup> groupsBefore = Set.of();

    UserDialog(UserDialogs services, KinshipUser actor, @Nullable UserAccount account, Runnable saved) {
        super("user", saved);
        this.services = services;
        this.actor = actor;
        this.account = account;
        setHeaderTitle(account == null ? getTranslation("admin.user.new") : account.username());
        username.setLabel(getTranslation("admin.user.username"));
        username.setId("user-username");
        displayName.setId("user-display-name");
        password.setId("user-password");
        displayName.setLabel(getTranslation("admin.user.displayName"));
        password.setLabel(getTranslation("admin.user.password"));
        password.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        password.addValueChangeListener(change -> password.setHelperText(Refusals.joined(
                Refusals.passwordProblems(this, username.getValue(), change.getValue()))));
        roles.setLabel(getTranslation("admin.user.roles"));
        roles.setItems(services.roles().roles().stream().map(Role::name).sorted().toList());
        roles.setItemLabelGenerator(role -> getTranslation("role." + role));
        agency.setLabel(getTranslation("admin.user.agency"));
        agency.setItems(services.agencies().agencies(actor).stream().map(Agency::code).toList());
        language.setLabel(getTranslation("admin.user.language"));
        language.setItems(SupportedLocales.ALL.stream().map(locale -> locale.getLanguage()).toList());
        language.setItemLabelGenerator(tag -> java.util.Locale.forLanguageTag(tag)
                .getDisplayLanguage(java.util.Locale.forLanguageTag(tag)));
        email.setLabel(getTranslation("notifications.email.address"));
        email.setHelperText(getTranslation("notifications.email.addressHelp"));
        email.setErrorMessage(getTranslation("notifications.email.invalid"));
        email.setId("user-email");
        enabled.setLabel(getTranslation("admin.user.enabledLabel"));
        groups.setLabel(getTranslation("admin.user.groups"));
        groups.setItemLabelGenerator(UserGroup::name);
        // Agency administrators do not manage groups: groups widen access across agencies.
        groups.setVisible(GroupsView.allowed(services.permissions(), actor));
        if (groups.isVisible()) {
            groups.setItems(services.groups().groups(actor));
        }
        generated.setId("generated-password");
        FormLayout form = new FormLayout(username, displayName, password, roles, agency, groups, language, email,
                enabled);
        add(form);
        addErrorLine();
        add(generated);
        if (account == null) {
            agency.setValue(actor.agencyCode());
            enabled.setVisible(false);
        } else {
            show(account);
            getFooter().add(new Button(getTranslation("admin.user.resetPassword"), click -> resetPassword()),
                    new Button(getTranslation("admin.user.resetTotp"), click -> resetSecondFactor()));
        }
    }

    private void show(UserAccount shown) {
        username.setValue(shown.username());
        username.setReadOnly(true);
        password.setVisible(false);
        displayName.setValue(shown.displayName());
        roles.setValue(shown.roles());
        agency.setValue(shown.agencyCode());
        language.setValue(shown.preferredLocale());
        email.setValue(shown.email() == null ? "" : shown.email());
        enabled.setValue(shown.enabled());
        groupsBefore = groups.isVisible() ? Set.copyOf(services.groups().groupsOf(shown.id())) : Set.of();
        groups.setValue(groupsBefore);
    }

    /** Saves and closes; on refusal stays open with the reason shown. */
    @Override
    boolean save() {
        UserAdministration administration = services.administration();
        return saveWith(() -> {
            if (account == null) {
                administration.create(actor, new UserAdministration.NewUser(username.getValue().strip(),
                        password.getValue(), displayName.getValue(), roles.getValue(), agency.getValue(),
                        language.getValue(), email.getValue()));
            } else {
                administration.update(actor, account.id(), new UserAdministration.Profile(displayName.getValue(),
                        roles.getValue(), agency.getValue(), language.getValue(), email.getValue(),
                        enabled.getValue(), account.version()));
                if (groups.isVisible() && !groups.getValue().equals(groupsBefore)) {
                    services.groups().assign(actor, account.id(), groups.getValue().stream().map(UserGroup::id)
                            .collect(Collectors.toSet()));
                }
            }
        });
    }

    /** Sets a generated password and shows it once; the administrator passes it on. */
    void resetPassword() {
        String newPassword = UserDialogs.generatePassword();
        if (attempt(() -> services.administration().resetPassword(actor,
                java.util.Objects.requireNonNull(account).id(), newPassword))) {
            generated.setText(getTranslation("admin.user.generatedPassword", newPassword));
        }
    }

    void resetSecondFactor() {
        if (attempt(() -> services.totp().reset(actor, java.util.Objects.requireNonNull(account).id()))) {
            generated.setText(getTranslation("admin.user.totpReset"));
        }
    }

    String generatedText() {
        return generated.getText();
    }
}
