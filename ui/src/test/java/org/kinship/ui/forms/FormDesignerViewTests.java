package org.kinship.ui.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.kinship.forms.FieldKind;
import org.kinship.forms.FormDefinitionService;
import org.kinship.i18n.SupportedLocales;
import org.kinship.security.DefaultRoles;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.ui.shell.NotFoundView;
import org.kinship.ui.testing.WithKinshipUser;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIntegrationTest
class FormDesignerViewTests extends SpringBrowserlessTest {

    @Autowired
    FormDefinitionService forms;

    private FormDesignerView openDesigner(String formId) {
        if (forms.findDraft(formId).isEmpty()) {
            forms.create(FormDocument.blank(formId, "Test form " + formId).toJson(), "test", Locale.ENGLISH);
        }
        return navigate("admin/forms/" + formId, FormDesignerView.class);
    }

    @Test
    @WithKinshipUser(username = "designer.one", role = DefaultRoles.ADMINISTRATOR)
    void aFrenchLabelEditedInTheDesignerShowsInTheFrenchPreview() {
        FormDesignerView designer = openDesigner("french-label");

        FieldDialog dialog = designer.fields().openDialog("name", null);
        dialog.labelField("fr").setValue("Nom de l'enfant");
        $(Button.class).id("field-save").click();
        designer.preview().setLanguage(Locale.FRENCH);

        FormRenderer preview = designer.preview().renderer();
        assertThat(preview).isNotNull();
        assertThat(((TextField) preview.editor("name").component()).getLabel()).isEqualTo("Nom de l'enfant");
        assertThat(designer.document().spec("name").orElseThrow().label()).containsEntry("fr", "Nom de l'enfant")
                .containsEntry("en", "Name");
    }

    @Test
    @WithKinshipUser(username = "designer.eight", role = DefaultRoles.ADMINISTRATOR)
    void aDuplicateFieldNameIsRefusedInTheAdministratorsLanguage() {
        FormDesignerView designer = openDesigner("duplicate-name");

        FieldDialog dialog = designer.fields().openDialog(null, null);
        dialog.nameField().setValue("name");
        dialog.labelField("en").setValue("Another name");
        $(Button.class).id("field-save").click();

        assertThat(dialog.errorText()).isEqualTo("A field named name already exists");
        assertThat(designer.document().rows()).hasSize(1);
    }

    @Test
    @WithKinshipUser(username = "designer.two", role = DefaultRoles.ADMINISTRATOR)
    void theArabicPreviewIsRightToLeft() {
        FormDesignerView designer = openDesigner("arabic-preview");

        designer.preview().setLanguage(SupportedLocales.ARABIC);

        assertThat(designer.preview().renderer().getElement().getAttribute("dir")).isEqualTo("rtl");
    }

    @Test
    @WithKinshipUser(username = "designer.three", role = DefaultRoles.ADMINISTRATOR)
    void theJsonViewIsCheckedAsItIsEdited() {
        FormDesignerView designer = openDesigner("json-check");
        TabSheet tabs = $(TabSheet.class).single();
        tabs.setSelectedTab(tabs.getTab(designer.json()));
        TextArea json = $(TextArea.class).id("designer-json");
        String valid = json.getValue();

        test(json).setValue("{ not json");
        assertThat(designer.problems().lines()).hasSize(1);

        assertThat(designer.problems().valid()).isFalse();
        test(json).setValue(valid.replace("\"short_text\"", "\"free_text\""));
        assertThat(designer.problems().lines()).anySatisfy(line -> assertThat(line).contains("/properties/name"));
        assertThat(designer.preview().renderer()).isNull();
    }

    @Test
    @WithKinshipUser(username = "designer.four", role = DefaultRoles.ADMINISTRATOR)
    void publishingShowsWhatChangedAndCreatesTheNextVersion() {
        FormDesignerView designer = openDesigner("publish-twice");
        $(Button.class).id("publish").click();
        $(Button.class).id("publish-confirm").click();
        assertThat(forms.versions("publish-twice")).hasSize(1);

        designer.document().putField(null, null, FieldSpec.of("nickname", FieldKind.SHORT_TEXT, "main", "Nickname"));
        designer.documentChanged();
        $(Button.class).id("publish").click();
        PublishDialog dialog = $(PublishDialog.class).single();
        assertThat(dialog.diff()).isNotNull();
        assertThat(dialog.diff().lines()).containsExactly("Added: nickname");
        $(Button.class).id("publish-confirm").click();

        assertThat(forms.versions("publish-twice")).hasSize(2);
        assertThat(forms.latestVersion("publish-twice").orElseThrow().schema().field("nickname")).isPresent();
    }

    @Test
    @WithKinshipUser(username = "designer.five", role = DefaultRoles.ADMINISTRATOR)
    void fieldsCanBeReorderedAndDeleted() {
        FormDesignerView designer = openDesigner("reorder");
        designer.document().putField(null, null, FieldSpec.of("second", FieldKind.INTEGER, "main", "Second"));

        designer.document().move("second", -1);
        assertThat(designer.document().rows()).extracting(FormDocument.FieldRow::name).containsExactly("second", "name");

        designer.document().remove("name");
        designer.documentChanged();
        assertThat(designer.document().rows()).extracting(FormDocument.FieldRow::name).containsExactly("second");
        assertThat(designer.problems().valid()).isTrue();
    }

    @Test
    @WithKinshipUser(username = "designer.seven", role = DefaultRoles.ADMINISTRATOR)
    void sectionsAreAddedReorderedAndOnlyDeletedWhenEmpty() {
        FormDesignerView designer = openDesigner("sections");
        designer.document().addSection("family", java.util.Map.of("en", "Family", "fr", "Famille"));
        designer.document().moveSection("family", -1);
        designer.documentChanged();
        assertThat(designer.document().sectionIds()).containsExactly("family", "main");

        designer.sections().delete("main");
        assertThat(designer.sections().errorText()).contains("main");
        assertThat(designer.document().sectionIds()).contains("main");

        designer.sections().delete("family");
        assertThat(designer.document().sectionIds()).containsExactly("main");
    }

    @Test
    @WithKinshipUser(username = "designer.six", role = DefaultRoles.ADMINISTRATOR)
    void anInvalidImportIsRefusedWithItsProblemsAndStoresNothing() {
        FormsView view = navigate(FormsView.class);
        int before = forms.list().size();

        view.importDefinition("{\"title\": \"No kinship\", \"type\": \"object\", \"properties\": {}}");

        assertThat(view.problems().isVisible()).isTrue();
        assertThat(view.problems().lines()).isNotEmpty();
        assertThat(forms.list()).hasSize(before);
    }

    @Test
    @WithKinshipUser(username = "designer.worker", role = DefaultRoles.CASE_WORKER)
    void caseWorkersCannotOpenTheFormList() {
        UI.getCurrent().navigate(FormsView.class);

        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
    }
}
