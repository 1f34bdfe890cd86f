package org.kinship.ui.tracing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.kinship.security.KinshipUser;
import org.kinship.security.PermissionService;
import org.kinship.shared.StaleVersionException;
import org.kinship.tracing.Agreement;
import org.kinship.tracing.MatchField;
import org.kinship.tracing.MatchWeights;
import org.kinship.tracing.MatchingJob;
import org.kinship.tracing.MatchingJobService;
import org.kinship.tracing.MatchingSettingsService;
import org.kinship.tracing.MatchingSettingsVersion;
import org.kinship.tracing.TracingRefusedException;

/**
 * The matching engine for administrators: the thresholds of "likely" and "possible" (bits), how much the
 * frequency of agreeing name parts counts (ADR 0024) and what each part beyond two adds (ADR 0032), the m and u
 * probability of every agreement level (with the weight they give), and re-matching every record in the background
 * with its progress.
 */
@Route("admin/matching")
@PermitAll
public class MatchingSettingsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** One editable agreement level. */
    static final class Level {
        final MatchField field;
        final Agreement agreement;
        final NumberField m = new NumberField();
        final NumberField u = new NumberField();

        Level(MatchField field, Agreement agreement, MatchWeights.Probabilities probabilities) {
            this.field = field;
            this.agreement = agreement;
            m.setValue(probabilities.m());
            u.setValue(probabilities.u());
            m.setStep(0.0001);
            u.setStep(0.0001);
        }
    }

    private final MatchingSettingsService settings;
    private final MatchingJobService jobs;
    private final PermissionService permissions;
    private final KinshipUser user;
    final NumberField likely = new NumberField();
    final NumberField possible = new NumberField();
    final NumberField frequencyStrength = new NumberField();
    final NumberField frequencyLimit = new NumberField();
    final NumberField furtherPart = new NumberField();
    final List<Level> levels = new ArrayList<>();
    private final Grid<Level> grid = new Grid<>();
    private final JobProgress progress;
    private long version;

    public MatchingSettingsView(MatchingSettingsService settings, MatchingJobService jobs,
            PermissionService permissions, AuthenticationContext authentication) {
        this.settings = settings;
        this.jobs = jobs;
        this.permissions = permissions;
        this.user = TracingAccess.user(authentication);
        setId("matching-settings-view");
        likely.setLabel(getTranslation("tracing.settings.likely"));
        likely.setId("matching-likely");
        possible.setLabel(getTranslation("tracing.settings.possible"));
        possible.setId("matching-possible");
        frequencyStrength.setLabel(getTranslation("tracing.settings.frequencyStrength"));
        frequencyStrength.setId("matching-frequency-strength");
        frequencyStrength.setStep(0.1);
        frequencyLimit.setLabel(getTranslation("tracing.settings.frequencyLimit"));
        frequencyLimit.setId("matching-frequency-limit");
        furtherPart.setLabel(getTranslation("tracing.settings.furtherPart"));
        furtherPart.setId("matching-further-part");
        furtherPart.setStep(0.1);
        grid.addColumn(l -> getTranslation("tracing.field." + l.field.name()))
                .setHeader(getTranslation("tracing.compare.field"));
        grid.addColumn(l -> getTranslation("tracing.agreement." + l.agreement.name()))
                .setHeader(getTranslation("tracing.compare.agreement"));
        grid.addComponentColumn(l -> l.m).setHeader(getTranslation("tracing.settings.m"));
        grid.addComponentColumn(l -> l.u).setHeader(getTranslation("tracing.settings.u"));
        grid.addColumn(l -> weightText(l)).setHeader(getTranslation("tracing.compare.weight"));
        grid.setAllRowsVisible(true);
        Button save = new Button(getTranslation("tracing.settings.save"), click -> save());
        save.setId("matching-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        progress = new JobProgress(() -> jobs.progress(user, MatchingJob.Kind.REMATCH),
                () -> Notification.show(getTranslation("tracing.job.finished")));
        Button rebuild = new Button(getTranslation("tracing.settings.rebuild"), click -> rebuild());
        rebuild.setId("matching-rebuild");
        add(new H2(getTranslation("tracing.settings.title")), new Paragraph(getTranslation("tracing.settings.help")),
                new HorizontalLayout(likely, possible), new Paragraph(getTranslation("tracing.settings.frequencyHelp")),
                new HorizontalLayout(frequencyStrength, frequencyLimit, furtherPart), grid, save,
                new H3(getTranslation("tracing.settings.rebuildTitle")), new HorizontalLayout(rebuild, progress));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!TracingAccess.matchingAdministrator(permissions, user)) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        show(settings.current(user));
    }

    private void show(MatchingSettingsVersion current) {
        version = current.version();
        likely.setValue(current.weights().likelyThreshold());
        possible.setValue(current.weights().possibleThreshold());
        frequencyStrength.setValue(current.weights().nameFrequency().strength());
        frequencyLimit.setValue(current.weights().nameFrequency().limit());
        furtherPart.setValue(current.weights().nameFrequency().furtherPart());
        levels.clear();
        for (MatchField field : MatchField.values()) {
            current.weights().probabilities().getOrDefault(field, Map.of()).entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> levels.add(new Level(field, e.getKey(), e.getValue())));
        }
        grid.setItems(levels);
    }

    /** Stores the thresholds and probabilities shown; answers whether they were stored. */
    boolean save() {
        try {
            EnumMap<MatchField, Map<Agreement, MatchWeights.Probabilities>> probabilities = new EnumMap<>(MatchField.class);
            for (Level level : levels) {
                probabilities.computeIfAbsent(level.field, f -> new EnumMap<>(Agreement.class)).put(level.agreement,
                        new MatchWeights.Probabilities(value(level.m), value(level.u)));
            }
            MatchWeights weights = new MatchWeights(probabilities, value(likely), value(possible),
                    new MatchWeights.NameFrequency(value(frequencyStrength), value(frequencyLimit),
                            value(furtherPart)));
            show(settings.update(user, weights, version));
            Notification.show(getTranslation("tracing.settings.saved"));
            return true;
        } catch (IllegalArgumentException e) {
            Notification.show(getTranslation("tracing.settings.invalid"));
        } catch (StaleVersionException e) {
            Notification.show(getTranslation("tracing.stale"));
        }
        return false;
    }

    void rebuild() {
        try {
            jobs.start(user, MatchingJob.Kind.REMATCH);
        } catch (TracingRefusedException e) {
            Notification.show(getTranslation(e.messageKey(), e.args()));
        }
        progress.refresh();
    }

    String progressText() {
        progress.refresh();
        return progress.text();
    }

    private static double value(NumberField field) {
        Double value = field.getValue();
        if (value == null) {
            throw new IllegalArgumentException("empty");
        }
        return value;
    }

    private static String weightText(Level level) {
        try {
            return String.format(java.util.Locale.ROOT, "%+.2f",
                    new MatchWeights.Probabilities(value(level.m), value(level.u)).weight());
        } catch (IllegalArgumentException e) {
            return "—";
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tracing.settings.title");
    }
}
