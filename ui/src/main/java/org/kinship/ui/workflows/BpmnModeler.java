package org.kinship.ui.workflows;

import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import org.jspecify.annotations.Nullable;

/**
 * The bpmn-js modeler (bpmn.io licence, vendored unchanged under {@code /vendor/bpmn-js/}, see ADR 0013) as a
 * component: {@link #setXml} shows a BPMN file for drawing and editing in the browser, {@link #requestXml} asks the
 * browser for what is drawn now (a server round trip). The library is added to the page as a static script and
 * stylesheets when the component is attached, never through {@code @NpmPackage}, so Vaadin's pre-compiled
 * frontend bundle is used as it is and no Node is needed. The host carries {@code data-imported="ok"} once a
 * diagram is shown ({@code "error"} when the browser could not read it).
 */
@Tag("div")
public class BpmnModeler extends Component implements HasSize {

    /** The vendored bpmn-js release, served from the application's static resources. */
    public static final String BASE = "context://vendor/bpmn-js/18.31.1/";
    public static final String SCRIPT = BASE + "bpmn-modeler.production.min.js";
    public static final List<String> STYLESHEETS = List.of(BASE + "assets/diagram-js.css",
            BASE + "assets/bpmn-js.css", BASE + "assets/bpmn-font/css/bpmn.css");

    private static final String IMPORT = """
            const host = this;
            const xml = $0;
            const show = attempt => {
              if (!window.BpmnJS) {
                if (attempt < 600) { setTimeout(() => show(attempt + 1), 50); }
                else { host.setAttribute('data-imported', 'error');
                  host.dispatchEvent(new CustomEvent('kinship-bpmn-failed', {detail: 'bpmn-js did not load'})); }
                return;
              }
              if (!host.$modeler) {
                host.$modeler = new window.BpmnJS({container: host});
                host.$modeler.on('commandStack.changed',
                    () => host.dispatchEvent(new CustomEvent('kinship-bpmn-changed')));
              }
              host.removeAttribute('data-imported');
              host.$modeler.importXML(xml).then(() => {
                host.$modeler.get('canvas').zoom('fit-viewport');
                host.setAttribute('data-imported', 'ok');
              }).catch(error => {
                host.setAttribute('data-imported', 'error');
                host.dispatchEvent(new CustomEvent('kinship-bpmn-failed', {detail: String(error && error.message
                    ? error.message : error)}));
              });
            };
            show(0);
            """;

    private static final String SAVE = """
            return this.$modeler ? this.$modeler.saveXML({format: true}).then(result => result.xml) : null;
            """;

    private String xml = "";
    private boolean changed;
    private @Nullable String failure;

    public BpmnModeler() {
        getElement().setAttribute("dir", "ltr");
        getElement().setAttribute("role", "application");
        getElement().getStyle().set("position", "relative").set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("background", "#fff");
        getElement().addEventListener("kinship-bpmn-changed", event -> changed = true);
        getElement().addEventListener("kinship-bpmn-failed", event -> failure = event.getEventDetail(String.class))
                .addEventDetail();
        setWidthFull();
        setHeight("60vh");
    }

    /** Shows a BPMN file in the modeler (replacing what was drawn). */
    public void setXml(String xml) {
        this.xml = xml;
        this.changed = false;
        this.failure = null;
        if (isAttached()) {
            show();
        }
    }

    /** The file last given to {@link #setXml}, without the user's edits in the browser. */
    public String xml() {
        return xml;
    }

    /** Whether the user changed the diagram in the browser since it was shown. */
    public boolean changed() {
        return changed;
    }

    /** Why the browser could not show the last file, if it could not. */
    public @Nullable String failure() {
        return failure;
    }

    /**
     * Asks the browser for the diagram as it is drawn now and hands it to {@code then} (with {@code null} when
     * nothing is shown), or the browser's error to {@code failed}.
     */
    public void requestXml(SerializableConsumer<@Nullable String> then, SerializableConsumer<String> failed) {
        getElement().executeJs(SAVE).then(String.class, drawn -> {
            if (drawn != null) {
                xml = drawn;
            }
            then.accept(drawn);
        }, failed);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        Page page = event.getUI().getPage();
        STYLESHEETS.forEach(page::addStyleSheet);
        page.addJavaScript(SCRIPT);
        if (!xml.isEmpty()) {
            show();
        }
    }

    private void show() {
        getElement().executeJs(IMPORT, xml);
    }

    /** Runs when the user edits the diagram in the browser. */
    public Registration addChangeListener(Runnable listener) {
        return getElement().addEventListener("kinship-bpmn-changed", event -> listener.run());
    }
}
