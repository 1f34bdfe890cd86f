package org.kinship.ui.referrals;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import org.kinship.referrals.InvalidDirectoryDataException;
import org.kinship.referrals.ProviderContact;
import org.kinship.referrals.ProviderDetails;
import org.kinship.referrals.ServiceDirectory;
import org.kinship.referrals.ServiceProvider;
import org.kinship.referrals.ServiceType;
import org.kinship.security.KinshipUser;
import org.kinship.shared.StaleVersionException;

/** A provider's details: the services it offers, where, for whom, how fast it answers, whom to call. */
class ProviderDialog extends Dialog {

    final TextField name = field("directory.column.name", "provider-name");
    final TextField agency = field("directory.column.agency", "provider-agency");
    final MultiSelectComboBox<String> services = new MultiSelectComboBox<>();
    final TextField locations = field("directory.field.locations", "provider-locations");
    final IntegerField minAge = new IntegerField();
    final IntegerField maxAge = new IntegerField();
    final TextField sexes = field("directory.field.sexes", "provider-sexes");
    final TextField languages = field("directory.field.languages", "provider-languages");
    final IntegerField responseHours = new IntegerField();
    final TextField person = field("directory.field.person", "provider-person");
    final TextField phone = field("directory.field.phone", "provider-phone");
    final TextField email = field("directory.field.email", "provider-email");
    final TextField address = field("directory.field.address", "provider-address");
    final Checkbox active = new Checkbox();
    private final Span error = new Span();
    private final ServiceDirectory directory;
    private final KinshipUser user;
    private final @Nullable ServiceProvider existing;
    private final Consumer<ServiceProvider> onSaved;

    ProviderDialog(ServiceDirectory directory, KinshipUser user, @Nullable ServiceProvider existing,
            Consumer<ServiceProvider> onSaved) {
        this.directory = directory;
        this.user = user;
        this.existing = existing;
        this.onSaved = onSaved;
        setId("provider-dialog");
        setHeaderTitle(getTranslation(existing == null ? "directory.add" : "directory.edit"));
        services.setLabel(getTranslation("directory.column.services"));
        services.setId("provider-services");
        services.setItems(directory.serviceTypes().stream().filter(t -> !t.retired()).map(ServiceType::code).toList());
        minAge.setLabel(getTranslation("directory.field.minAge"));
        maxAge.setLabel(getTranslation("directory.field.maxAge"));
        responseHours.setLabel(getTranslation("directory.column.responseHours"));
        responseHours.setId("provider-response-hours");
        active.setLabel(getTranslation("directory.active"));
        active.setValue(true);
        error.setId("provider-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        if (existing != null) {
            fill(existing);
        }
        add(new FormLayout(name, agency, services, locations, minAge, maxAge, sexes, languages, responseHours, person,
                phone, email, address, active), error);
        Button save = new Button(getTranslation("directory.save"), click -> save());
        save.setId("provider-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("referrals.view.cancel"), click -> close()), save);
    }

    /** Saves; a refusal names each field in the dialog and keeps it open. */
    boolean save() {
        ProviderDetails details = new ProviderDetails(name.getValue(), agency.getValue(), List.copyOf(services.getValue()),
                list(locations.getValue()), new ProviderContact(person.getValue(), phone.getValue(), email.getValue(),
                        address.getValue()), minAge.getValue(), maxAge.getValue(),
                new LinkedHashSet<>(list(sexes.getValue())), new LinkedHashSet<>(list(languages.getValue())),
                responseHours.getValue(), active.getValue());
        try {
            ServiceProvider saved = existing == null ? directory.create(user, details, getLocale())
                    : directory.update(user, existing.id(), existing.version(), details, getLocale());
            close();
            onSaved.accept(saved);
            return true;
        } catch (InvalidDirectoryDataException e) {
            error.setText(String.join(" · ", e.problems().stream().map(p -> p.column() + ": " + p.message()).toList()));
            return false;
        } catch (StaleVersionException e) {
            error.setText(getTranslation("referrals.stale"));
            return false;
        }
    }

    String errorText() {
        return error.getText();
    }

    private void fill(ServiceProvider p) {
        name.setValue(p.name());
        agency.setValue(p.agencyCode());
        services.setValue(new LinkedHashSet<>(p.services()));
        locations.setValue(String.join(", ", p.locations()));
        minAge.setValue(p.minAge());
        maxAge.setValue(p.maxAge());
        sexes.setValue(String.join(", ", p.sexes()));
        languages.setValue(String.join(", ", p.languages()));
        responseHours.setValue(p.responseHours());
        person.setValue(p.contact().person());
        phone.setValue(p.contact().phone());
        email.setValue(p.contact().email());
        address.setValue(p.contact().address());
        active.setValue(p.active());
    }

    private TextField field(String key, String id) {
        TextField field = new TextField(getTranslation(key));
        field.setId(id);
        return field;
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
