package org.kinship.ui.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.kinship.forms.FieldKind;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupService;
import org.kinship.forms.LookupValue;
import org.kinship.security.DefaultRoles;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.ui.testing.WithKinshipUser;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIntegrationTest
class LookupsViewTests extends SpringBrowserlessTest {

    @Autowired
    LookupService lookups;

    @Autowired
    FormDefinitionService forms;

    @Test
    @WithKinshipUser(username = "lookups.admin", role = DefaultRoles.ADMINISTRATOR)
    void anAdministratorCreatesALookupWithTranslatedValues() {
        LookupsView view = navigate(LookupsView.class);

        LookupEditor editor = view.openEditor(new Lookup("", Map.of(), List.of(), 0));
        editor.setId("school_levels", "School levels");
        editor.fillNewValue("primary", "Primary");
        editor.addValue();
        editor.fillNewValue("secondary", "Secondary");
        editor.addValue();

        assertThat(editor.save()).as(editor.errorText()).isTrue();
        assertThat(lookups.get("school_levels").values()).extracting(LookupValue::value)
                .containsExactly("primary", "secondary");
    }

    @Test
    @WithKinshipUser(username = "lookups.admin2", role = DefaultRoles.ADMINISTRATOR)
    void aValueInUseCannotBeDeletedOnlyRetired() {
        lookups.create(new Lookup("transport", Map.of("en", "Transport"), List.of(
                LookupValue.of("bus", Map.of("en", "Bus")), LookupValue.of("walk", Map.of("en", "On foot"))), 0),
                Locale.ENGLISH);
        FormDocument form = FormDocument.blank("uses-transport", "Uses transport");
        FieldSpec how = FieldSpec.of("how", FieldKind.SINGLE_CHOICE, "main", "How");
        form.putField(null, null, new FieldSpec(how.name(), how.kind(), how.section(), how.label(), Map.of(), false,
                false, false, false, null, List.of(), "transport", null, null, false, false, null, null, null));
        form.putField(null, null, new FieldSpec("ticket", FieldKind.SHORT_TEXT, "main", Map.of("en", "Ticket"),
                Map.of(), false, false, false, false, null, List.of(), null, "how == 'bus'", null, false, false,
                null, null, null));
        forms.create(form.toJson(), "test", Locale.ENGLISH);
        LookupsView view = navigate(LookupsView.class);

        LookupEditor editor = view.openEditor(lookups.get("transport"));
        editor.delete(lookups.get("transport").value("bus").orElseThrow());

        assertThat(editor.errorText()).contains("bus is in use");
        assertThat(lookups.get("transport").value("bus")).isPresent();
        assertThat(lookups.retireValue("transport", "bus").value("bus").orElseThrow().retired()).isTrue();
    }
}
