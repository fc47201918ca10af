package dev.joat.spring.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.joat.TokenGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/pages/grafana-joat-dashboard.json} queries only metrics a real running app exports on
 * {@code /actuator/prometheus} after accepted and refused requests: a renamed meter breaks this
 * test, not an operator's dashboard.
 */
@SpringBootTest(classes = TestResourceServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "joat.issuer=https://issuer.example", "joat.secrets[0].kid=2026-07",
				"joat.secrets[0].secret=" + PrometheusEndpointTests.NEW, "spring.application.name=grafana-dashboard",
				"management.endpoints.web.exposure.include=prometheus" })
class GrafanaDashboardTests {

	private static final Path DASHBOARD = Path.of("..", "docs", "pages", "grafana-joat-dashboard.json");

	private static final Pattern METRIC = Pattern.compile("joat_[a-z_]+");

	@LocalServerPort
	private int port;

	@Autowired
	private TokenGenerator generator;

	@Test
	void dashboardWhenAppScrapedThenEveryMetricItQueriesIsExported() throws Exception {
		String token = this.generator.issueToken("abcd", List.of("read"));
		assertThat(HttpCalls.get(this.port, "/read", token).statusCode()).isEqualTo(200);
		assertThat(HttpCalls.get(this.port, "/read", "not-a-token").statusCode()).isEqualTo(401);
		String scrape = HttpCalls.get(this.port, "/actuator/prometheus", token).body();
		Set<String> exported = scrape.lines()
			.filter((line) -> !line.startsWith("#") && !line.isBlank())
			.map((line) -> line.split("[{ ]", 2)[0])
			.collect(Collectors.toSet());

		JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
		Set<String> queried = new TreeSet<>();
		for (JsonNode panel : dashboard.get("panels")) {
			for (JsonNode target : panel.get("targets")) {
				collect(target.get("expr").asString(), queried);
			}
		}
		for (JsonNode variable : dashboard.get("templating").get("list")) {
			collect(variable.get("query").asString(), queried);
		}

		assertThat(queried).contains("joat_tokens_verified_total", "joat_tokens_issued_total",
				"joat_tokens_verification_seconds_count");
		assertThat(exported).containsAll(queried);
	}

	private static void collect(String query, Set<String> metrics) {
		Matcher matcher = METRIC.matcher(query);
		while (matcher.find()) {
			metrics.add(matcher.group());
		}
	}

}
