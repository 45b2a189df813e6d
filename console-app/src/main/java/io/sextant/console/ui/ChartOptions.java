package io.sextant.console.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/** Builds ECharts options (plain maps serialised to JSON) from the records services return. */
public final class ChartOptions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChartOptions() {
    }

    /** A node of a graph chart; {@code link} is the console route it opens, if any. */
    public record Node(String id, String label, String category, String detail, String link, int size) {
    }

    public record Edge(String source, String target) {
    }

    /** A force-directed graph with a legend by category; node ids must be unique. */
    public static String graph(List<String> categories, List<Node> nodes, List<Edge> edges) {
        List<Object> data = new ArrayList<>();
        for (Node n : nodes) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", n.link() == null ? n.id() : "link:" + n.link());
            d.put("name", n.label());
            d.put("category", categories.indexOf(n.category()));
            d.put("symbolSize", n.size());
            d.put("value", n.detail());
            if (n.link() != null) {
                d.put("itemStyle", Map.of("borderColor", "#1f5fd6", "borderWidth", 2));
            }
            data.add(d);
        }
        Map<String, String> idOf = new LinkedHashMap<>();
        nodes.forEach(n -> idOf.put(n.id(), n.link() == null ? n.id() : "link:" + n.link()));
        List<Object> links = edges.stream().map(e -> (Object) Map.of("source", idOf.get(e.source()), "target", idOf.get(e.target()))).toList();
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "graph");
        // The layout box keeps clear of the legend above and leaves room at the right for the labels, and
        // gravity holds the force layout inside it: at 1,440 px no node is cut off or drawn over the legend.
        series.put("top", 72);
        series.put("bottom", 32);
        series.put("left", 48);
        series.put("right", 200);
        series.put("layout", "force");
        series.put("roam", true);
        series.put("draggable", true);
        series.put("force", Map.of("repulsion", 300, "edgeLength", List.of(60, 130), "gravity", 0.12, "layoutAnimation", false));
        series.put("label", Map.of("show", true, "position", "right", "fontSize", 11, "width", 180, "overflow", "truncate"));
        series.put("lineStyle", Map.of("color", "source", "opacity", 0.6));
        series.put("categories", categories.stream().map(c -> Map.of("name", c)).toList());
        series.put("data", data);
        series.put("links", links);
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("formatter", "{b}<br/>{c}", "extraCssText", "max-width:420px;white-space:normal"));
        option.put("legend", Map.of("top", 0, "data", categories));
        option.put("animationDuration", 300);
        option.put("series", List.of(series));
        return JSON.writeValueAsString(option);
    }

    /** A stacked bar chart: one bar per category, one stack segment per series. */
    public static String stackedBars(Map<String, Map<String, Integer>> valuesBySeriesThenCategory, String yName) {
        return stackedBars(valuesBySeriesThenCategory, yName, name -> "total");
    }

    /** Bars side by side per category, one per stack ({@code stackOf} a series' name), each stacking its series. */
    public static String stackedBars(Map<String, Map<String, Integer>> valuesBySeriesThenCategory, String yName,
            java.util.function.Function<String, String> stackOf) {
        Set<String> categories = new LinkedHashSet<>();
        valuesBySeriesThenCategory.values().forEach(m -> categories.addAll(m.keySet()));
        List<Object> series = new ArrayList<>();
        valuesBySeriesThenCategory.forEach((name, values) -> series.add(Map.of(
                "name", name, "type", "bar", "stack", stackOf.apply(name), "barMaxWidth", 48,
                "data", categories.stream().map(c -> values.getOrDefault(c, 0)).toList())));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 40, "right", 16, "top", 36, "bottom", 28));
        option.put("xAxis", Map.of("type", "category", "data", List.copyOf(categories)));
        option.put("yAxis", Map.of("type", "value", "name", yName, "minInterval", 1));
        option.put("series", series);
        return JSON.writeValueAsString(option);
    }
}
