package io.github.delayclose.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every series {@code grafana/delay-close.json} queries is on {@code /actuator/prometheus} of a shop
 * that has closed nothing yet (delay-close registers its meters at start-up), with every label value
 * the dashboard filters on: a renamed meter or tag breaks this test, not the dashboard.
 */
class GrafanaDashboardIT extends SampleAppIntegrationTest {

    /** A series and its label matchers in a PromQL expression: {@code delay_close_x{a="b",c="$d"}}. */
    private static final Pattern SERIES = Pattern.compile("(delay_close_[a-z_]+)(?:\\{([^}]*)})?");

    private static final Pattern MATCHER = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");

    @Test
    void everySeriesTheDashboardQueriesIsScraped() throws IOException {
        JsonNode dashboard = JsonMapper.shared().readTree(Files.readString(Path.of("grafana/delay-close.json")));
        Response scrape = get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        List<String> samples = scrape.body().lines().filter(line -> !line.startsWith("#")).toList();

        List<String> queries = expressions(dashboard);
        assertThat(queries).hasSizeGreaterThan(20);
        for (String query : queries) {
            Matcher series = SERIES.matcher(query);
            while (series.find()) {
                String name = series.group(1);
                List<String> labels = series.group(2) == null ? List.of() : labels(series.group(2));
                assertThat(samples).as("%s (with %s), queried by %s", name, labels, query)
                        .anyMatch(sample -> sample.startsWith(name + "{") && labels.stream().allMatch(sample::contains));
            }
        }
    }

    @Test
    void theDashboardIsImportableGrafanaJson() throws IOException {
        JsonNode dashboard = JsonMapper.shared().readTree(Files.readString(Path.of("grafana/delay-close.json")));

        assertThat(dashboard.get("uid").asString()).isEqualTo("delay-close");
        assertThat(dashboard.get("panels").size()).isGreaterThan(10);
        dashboard.get("panels").forEach(panel -> assertThat(panel.get("gridPos")).as(panel.toString()).isNotNull());
    }

    private static List<String> expressions(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> {
            if (panel.has("targets")) {
                panel.get("targets").forEach(target -> queries.add(target.get("expr").asString()));
            }
        });
        return queries;
    }

    /**
     * The label matchers as they appear on a scraped sample: {@code key="value"}, or only {@code key="}
     * for a dashboard variable such as {@code $application}.
     */
    private static List<String> labels(String matchers) {
        List<String> labels = new ArrayList<>();
        Matcher matcher = MATCHER.matcher(matchers);
        while (matcher.find()) {
            boolean variable = matcher.group(2).startsWith("$");
            labels.add(matcher.group(1) + "=\"" + (variable ? "" : matcher.group(2) + "\""));
        }
        return labels;
    }
}
