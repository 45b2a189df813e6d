package io.sextant.console.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/** Builds ECharts options (plain maps serialised to JSON) from the records services return. */
final class ChartOptions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChartOptions() {
    }

    /** A stacked bar chart: one bar per category, one stack segment per series. */
    static String stackedBars(Map<String, Map<String, Integer>> valuesBySeriesThenCategory, String yName) {
        Set<String> categories = new LinkedHashSet<>();
        valuesBySeriesThenCategory.values().forEach(m -> categories.addAll(m.keySet()));
        List<Object> series = new ArrayList<>();
        valuesBySeriesThenCategory.forEach((name, values) -> series.add(Map.of(
                "name", name, "type", "bar", "stack", "total", "barMaxWidth", 48,
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
