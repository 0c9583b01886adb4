package id.lapor.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the statistics page plotted, read from its SVG, and the check that it equals the statistics API's answer. */
final class StatisticsCheck {
    /** One unit's on-time bar: stages due, stages met, the rate drawn. */
    record Rate(long due, long met, double rate) {
    }

    /** months: month -> series -> value; onTime: unit -> bar. */
    record Plotted(String unit, String from, String to, Map<String, Map<String, Long>> months, Map<String, Rate> onTime) {
    }

    private static final Pattern MONTH_BAR = Pattern.compile(
            "<rect [^>]*data-series=\"([^\"]+)\" data-month=\"([^\"]+)\" data-value=\"([0-9]+)\"");
    private static final Pattern RATE_BAR = Pattern.compile(
            "<rect [^>]*data-unit=\"([^\"]+)\" data-due=\"([0-9]+)\" data-met=\"([0-9]+)\" data-value=\"([0-9.E-]*)\"");

    private StatisticsCheck() {
    }

    static Plotted fromHtml(String html) {
        Matcher section = Pattern.compile("id=\"stats\" data-unit=\"([^\"]+)\" data-from=\"([^\"]+)\" data-to=\"([^\"]+)\"")
                .matcher(html);
        assertThat(section.find()).as("the statistics section names its unit and period").isTrue();
        Map<String, Map<String, Long>> months = new LinkedHashMap<>();
        Matcher m = MONTH_BAR.matcher(html);
        while (m.find()) {
            months.computeIfAbsent(m.group(2), k -> new LinkedHashMap<>()).put(m.group(1), Long.parseLong(m.group(3)));
        }
        Map<String, Rate> onTime = new LinkedHashMap<>();
        Matcher r = RATE_BAR.matcher(html);
        while (r.find()) {
            onTime.put(r.group(1), new Rate(Long.parseLong(r.group(2)), Long.parseLong(r.group(3)), Double.parseDouble(r.group(4))));
        }
        return new Plotted(section.group(1), section.group(2), section.group(3), months, onTime);
    }

    /** Every plotted figure equals the API's, and the API has no month or unit the page left out. */
    static void assertSame(Plotted plotted, String apiJson) {
        JsonNode api = JsonMapper.builder().build().readTree(apiJson);
        assertThat(api.get("unit").asString()).isEqualTo(plotted.unit());
        assertThat(api.get("from").asString()).isEqualTo(plotted.from());
        assertThat(api.get("to").asString()).isEqualTo(plotted.to());
        Map<String, Map<String, Long>> months = new LinkedHashMap<>();
        for (JsonNode month : api.get("months")) {
            Map<String, Long> values = new LinkedHashMap<>();
            for (String series : Charts.SERIES) {
                values.put(series, month.get(series).asLong());
            }
            months.put(month.get("month").asString(), values);
        }
        assertThat(plotted.months()).isEqualTo(months);
        assertThat(plotted.onTime().keySet()).containsExactlyElementsOf(
                () -> api.get("onTime").valueStream().map(u -> u.get("unit").asString()).iterator());
        for (JsonNode u : api.get("onTime")) {
            Rate drawn = plotted.onTime().get(u.get("unit").asString());
            assertThat(drawn.due()).isEqualTo(u.get("stagesDue").asLong());
            assertThat(drawn.met()).isEqualTo(u.get("stagesMet").asLong());
            assertThat(drawn.rate()).isCloseTo(u.get("rate").asDouble(), within(1e-12));
        }
    }
}
