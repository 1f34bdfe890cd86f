package org.kinship.ui.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.kinship.cases.CaseAttachment;
import org.kinship.cases.CaseAttachmentService;
import org.kinship.cases.CaseFile;
import org.kinship.forms.FieldKind;
import org.kinship.forms.FormField;
import org.kinship.security.KinshipUser;

/** The top of a case file: photo, name, age, sex, case number, status, risk level and owner. */
final class CaseHeader extends Composite<HorizontalLayout> {

    private final ModuleForms forms;
    private final ValueTexts values;
    private final CaseAttachmentService attachments;
    private final KinshipUser user;
    private final Function<String, String> ownerName;
    private final Div photo = new Div();
    private final H2 name = new H2();
    private final Span details = new Span();
    private final Span status = new Span();
    private final Div risk = new Div();

    CaseHeader(ModuleForms forms, ValueTexts values, CaseAttachmentService attachments, KinshipUser user,
            Function<String, String> ownerName) {
        this.forms = forms;
        this.values = values;
        this.attachments = attachments;
        this.user = user;
        this.ownerName = ownerName;
        HorizontalLayout layout = getContent();
        layout.setId("case-header");
        layout.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        photo.addClassName("kinship-case-photo");
        name.setId("case-name");
        details.setId("case-details");
        status.setId("case-status");
        risk.setId("case-risk");
        Div text = new Div(name, details, new Div(status, risk));
        layout.add(photo, text);
    }

    /**
     * @param registrationHidden whether the registration section is hidden from the user
     * @param masked             the registration fields whose values are withheld from the user: a masked name,
     *                           age or sex reads "hidden for your role", never as unknown or as the case number
     */
    void show(CaseFile file, boolean registrationHidden, Collection<String> masked, Locale locale, LocalDate today,
            DateTimeFormatter dateTime) {
        var fields = forms.module().indexedFields();
        boolean nameHidden = registrationHidden || fields.names().stream().anyMatch(masked::contains);
        name.setText(nameHidden ? getTranslation("cases.header.nameHidden") : CaseFiles.name(file, fields));
        boolean ageHidden = registrationHidden || masked.contains(fields.age())
                || masked.contains(fields.dateOfBirth());
        String age = ageHidden && CaseFiles.age(file, fields, today).isEmpty()
                ? getTranslation("cases.header.ageHidden")
                : CaseFiles.age(file, fields, today).map(years -> getTranslation("cases.header.age", years))
                        .orElse(getTranslation("cases.header.ageUnknown"));
        String sex = registrationHidden || masked.contains(fields.sex()) ? getTranslation("cases.header.sexHidden")
                : values.indexed(forms, fields.sex(), file.value(fields.sex()).map(Object::toString).orElse(null));
        details.setText(String.join(" · ", file.caseNumber(), age, sex,
                getTranslation("cases.header.owner", ownerName.apply(file.ownerId())),
                getTranslation("cases.header.registered", dateTime.format(file.registeredAt()))));
        status.setText(getTranslation("cases.status." + file.status().name().toLowerCase(Locale.ROOT)));
        status.getElement().getThemeList().clear();
        status.getElement().getThemeList().add(file.isOpen() ? "badge success" : "badge contrast");
        risk.removeAll();
        risk.add(RiskBadge.of(file.riskLevel(), getTranslation("cases.header.risk",
                values.risk(forms, file.riskLevel()))));
        risk.getStyle().set("display", "inline-block").set("margin-inline-start", "var(--lumo-space-s)");
        photo.removeAll();
        photoOf(file).ifPresent(attachment -> {
            Image image = new Image(CaseFiles.download(attachments, user, file.id(), attachment),
                    getTranslation("cases.header.photo"));
            image.setId("case-photo");
            image.setHeight("6em");
            photo.add(image);
        });
        photo.setVisible(photo.getComponentCount() > 0);
    }

    /** The registration form's first photo field, if filled with an image attached to the case. */
    private Optional<CaseAttachment> photoOf(CaseFile file) {
        String section = forms.module().registrationSection();
        return forms.registration().flatMap(schema -> schema.fields().stream()
                .filter(field -> field.kind() == FieldKind.PHOTO).map(FormField::name).findFirst())
                .flatMap(field -> file.section(section).map(s -> s.data().get(field)))
                .filter(String.class::isInstance).map(String.class::cast).flatMap(file::attachment)
                .filter(CaseFiles::isImage);
    }
}
