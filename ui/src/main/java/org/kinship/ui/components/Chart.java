package org.kinship.ui.components;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.dom.Element;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chart drawn by Chart.js (MIT, vendored under {@code /vendor/chartjs/}, see ADR 0013): bars, stacked bars,
 * lines for trends over time, or a pie. The library is added to the page as a static script when the chart is
 * attached, never through {@code @NpmPackage}, so Vaadin's pre-compiled frontend bundle is used as it is. The
 * browser draws into a {@code canvas}; the host carries {@code data-rendered} once it has.
 */
@Tag("div")
public class Chart extends Component implements HasSize {

    /** The vendored library, served from the application's static resources. */
    public static final String SCRIPT = "context://vendor/chartjs/4.6.1/chart.umd.min.js";

    /** How the data is drawn. */
    public enum Type {
        BAR, STACKED_BAR, LINE, PIE
    }

    /** One data series: its label and a value per category label. */
    public record Series(String label, List<? extends Number> values) {
        public Series {
            values = List.copyOf(values);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private static final String DRAW = """
            const host = this;
            const config = JSON.parse($0);
            const draw = attempt => {
              if (!window.Chart) {
                if (attempt < 200) { setTimeout(() => draw(attempt + 1), 50); }
                return;
              }
              if (host.$chart) { host.$chart.destroy(); }
              host.$chart = new window.Chart(host.querySelector('canvas'), config);
              host.setAttribute('data-rendered', config.type);
            };
            draw(0);
            """;

    private final Element canvas = new Element("canvas");
    private String config = "";

    public Chart() {
        getElement().appendChild(canvas);
        getElement().getStyle().set("position", "relative");
        canvas.setAttribute("role", "img");
        setHeight("320px");
        setWidthFull();
    }

    /** Shows the data; {@code labels} are the categories (x axis, or the slices of a pie). */
    public void show(Type type, String title, List<String> labels, List<Series> series) {
        canvas.setAttribute("aria-label", title);
        config = JSON.writeValueAsString(config(type, title, labels, series));
        getElement().removeAttribute("data-rendered");
        if (isAttached()) {
            draw();
        }
    }

    /** The Chart.js configuration last shown, as JSON (what the browser draws). */
    public String config() {
        return config;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().getPage().addJavaScript(SCRIPT);
        if (!config.isEmpty()) {
            draw();
        }
    }

    private void draw() {
        getElement().executeJs(DRAW, config);
    }

    static Map<String, Object> config(Type type, String title, List<String> labels, List<Series> series) {
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Map<String, Object> dataset = new LinkedHashMap<>();
            dataset.put("label", series.get(i).label());
            dataset.put("data", series.get(i).values());
            if (type == Type.PIE) {
                List<String> colours = new ArrayList<>();
                for (int j = 0; j < labels.size(); j++) {
                    colours.add(PALETTE[j % PALETTE.length]);
                }
                dataset.put("backgroundColor", colours);
            } else {
                dataset.put("backgroundColor", PALETTE[i % PALETTE.length]);
                dataset.put("borderColor", PALETTE[i % PALETTE.length]);
            }
            datasets.add(dataset);
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("responsive", true);
        options.put("maintainAspectRatio", false);
        options.put("animation", false);
        options.put("plugins", Map.of("title", Map.of("display", !title.isEmpty(), "text", title),
                "legend", Map.of("display", type == Type.PIE || series.size() > 1)));
        if (type == Type.STACKED_BAR) {
            options.put("scales", Map.of("x", Map.of("stacked", true), "y", Map.of("stacked", true,
                    "beginAtZero", true)));
        } else if (type != Type.PIE) {
            options.put("scales", Map.of("y", Map.of("beginAtZero", true)));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", switch (type) {
            case BAR, STACKED_BAR -> "bar";
            case LINE -> "line";
            case PIE -> "pie";
        });
        config.put("data", Map.of("labels", labels, "datasets", datasets));
        config.put("options", options);
        return config;
    }
}
