package org.kinship.ui.forms;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import org.jspecify.annotations.Nullable;
import org.kinship.forms.FormDataValidator;
import org.kinship.forms.FormProblem;
import org.kinship.forms.FormSchema;
import org.kinship.i18n.SupportedLocales;

/**
 * The live preview: the form as a case worker will see it, in any of the four languages (Arabic right to
 * left), with a check that runs the server's validation on what was typed into it.
 */
class DesignerPreview extends VerticalLayout {

    private final FormRenderers renderers;
    private final FormDataValidator validator;
    private final Select<Locale> language = new Select<>();
    private final Div holder = new Div();
    private final Paragraph result = new Paragraph();
    private @Nullable FormSchema schema;
    private @Nullable FormRenderer renderer;

    DesignerPreview(FormRenderers renderers, FormDataValidator validator) {
        this.renderers = renderers;
        this.validator = validator;
        setPadding(false);
        language.setLabel(getTranslation("designer.preview.language"));
        language.setItems(SupportedLocales.ALL);
        language.setItemLabelGenerator(locale -> getTranslation("locale." + locale.getLanguage()));
        language.setValue(SupportedLocales.ENGLISH);
        language.setId("preview-language");
        language.addValueChangeListener(event -> render());
        Button check = new Button(getTranslation("designer.preview.check"), click -> check());
        check.setId("preview-check");
        holder.setId("preview");
        holder.setWidthFull();
        HorizontalLayout bar = new HorizontalLayout(language, check);
        bar.setAlignItems(Alignment.BASELINE);
        add(bar, result, holder);
    }

    void show(@Nullable FormSchema current) {
        this.schema = current;
        render();
    }

    void setLanguage(Locale locale) {
        language.setValue(locale);
    }

    private void render() {
        holder.removeAll();
        result.setText("");
        if (schema == null) {
            renderer = null;
            holder.add(new Paragraph(getTranslation("designer.preview.unavailable")));
            return;
        }
        renderer = renderers.render(schema, language.getValue(), new InMemoryAttachments());
        holder.add(renderer);
    }

    private void check() {
        if (renderer == null || schema == null) {
            return;
        }
        List<FormProblem> problems = validator.validate(schema, renderer.getData(), null, language.getValue())
                .problems();
        List<FormProblem> unplaced = renderer.showProblems(problems);
        result.setText(problems.isEmpty() ? getTranslation("designer.preview.valid")
                : getTranslation("designer.preview.problems", problems.size())
                        + unplaced.stream().map(p -> " " + p.path() + ": " + p.message()).reduce("", String::concat));
    }

    /** The rendered preview (for tests). */
    @Nullable FormRenderer renderer() {
        return renderer;
    }
}
