package dev.joat.sample;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sample's operations surface as configured in its {@code application.yml}: health, metrics,
 * prometheus and joat on a separate management port bound to the loopback interface, open there
 * without a token; the application port serves no actuator and asks for a token everywhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "joat.secret=" + SampleApplicationTests.SECRET, "joat.issuer=" + SampleApplicationTests.ISSUER })
class SampleManagementPortTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private ManagementServerProperties management;

	@Test
	void managementServerWhenDefaultsThenSeparatePortOnLoopback() {
		assertThat(this.managementPort).isPositive().isNotEqualTo(this.port);
		assertThat(this.management.getAddress().isLoopbackAddress()).isTrue();
	}

	@Test
	void managementServerWhenReachedThroughANonLoopbackAddressThenRefused() throws IOException {
		Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces())
			.stream()
			.flatMap((network) -> Collections.list(network.getInetAddresses()).stream())
			.filter((address) -> address instanceof Inet4Address && !address.isLoopbackAddress()
					&& !address.isLinkLocalAddress())
			.findFirst();
		Assumptions.assumeTrue(external.isPresent(), "this host has no non-loopback IPv4 address");
		try (Socket socket = new Socket()) {
			assertThatExceptionOfType(ConnectException.class)
				.isThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), this.managementPort), 5000));
		}
	}

	@Test
	void healthWhenOnManagementPortThenUpWithoutToken() throws Exception {
		HttpResponse<String> response = get(this.managementPort, "/actuator/health", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).get("status").asString()).isEqualTo("UP");
	}

	@Test
	void prometheusWhenTokensIssuedAcceptedAndRefusedThenJoatMetersListed() throws Exception {
		String token = token();
		assertThat(get(this.port, "/api/read", token).statusCode()).isEqualTo(200);
		assertThat(get(this.port, "/api/read", "not-a-token").statusCode()).isEqualTo(401);
		HttpResponse<String> scrape = get(this.managementPort, "/actuator/prometheus", null);
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).containsPattern(
				"joat_tokens_verified_total\\{kid=\"none\",outcome=\"accepted\",reason=\"none\"} [1-9][0-9]*\\.0")
			.containsPattern(
					"joat_tokens_verified_total\\{kid=\"none\",outcome=\"refused\",reason=\"MALFORMED\"} [1-9][0-9]*\\.0")
			.containsPattern(
					"joat_tokens_issued_total\\{algorithm=\"HS256\",kid=\"none\",profile=\"pyjoat\"} [1-9][0-9]*\\.0")
			.contains("joat_tokens_verification_seconds_count{error=\"none\",outcome=\"accepted\",reason=\"none\"}")
			.doesNotContain("demo-client", "not-a-token");
	}

	@Test
	void metricsAndJoatWhenOnManagementPortThenServed() throws Exception {
		token();
		HttpResponse<String> metric = get(this.managementPort, "/actuator/metrics/joat.tokens.issued", null);
		assertThat(metric.statusCode()).isEqualTo(200);
		assertThat(metric.body()).contains("\"name\":\"joat.tokens.issued\"");
		HttpResponse<String> joat = get(this.managementPort, "/actuator/joat", null);
		assertThat(joat.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(joat.body()).get("issuer").asString()).isEqualTo(SampleApplicationTests.ISSUER);
		assertThat(joat.body()).doesNotContain(SampleApplicationTests.SECRET);
	}

	@Test
	void actuatorWhenOnApplicationPortThenTokenRequiredAndNotServed() throws Exception {
		assertThat(get(this.port, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
		assertThat(get(this.port, "/actuator/joat", null).statusCode()).isEqualTo(401);
		assertThat(get(this.port, "/actuator/joat", token()).statusCode()).isEqualTo(404);
	}

	private String token() throws Exception {
		String basic = Base64.getEncoder().encodeToString("demo-client:demo-secret".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/oauth2/token"))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body()).get("access_token").asString();
	}

	private HttpResponse<String> get(int port, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

}
