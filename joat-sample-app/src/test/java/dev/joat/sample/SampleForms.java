package dev.joat.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form POSTs ({@code application/x-www-form-urlencoded}, as an OAuth client sends them) of the
 * tests of the sample's OAuth endpoints, over real HTTP to the sample on {@code localhost}, and
 * their JSON answers. Thread-safe.
 */
final class SampleForms {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SampleForms() {
	}

	/**
	 * POSTs {@code form} to {@code path}, with the {@code Authorization} header when one is given.
	 * @param port the sample's port
	 * @param path the endpoint, e.g. {@code /oauth2/revoke}
	 * @param authorization the header's value, or {@code null} for none
	 * @param form the encoded form
	 * @return the response, within 10 seconds
	 */
	static HttpResponse<String> post(int port, String path, String authorization, String form)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A token from {@code /oauth2/token} (client credentials), asserting the answer is 200.
	 * @param port the sample's port
	 * @param authorization the client's {@code Authorization} header
	 * @return the access token
	 */
	static String accessToken(int port, String authorization) throws Exception {
		HttpResponse<String> response = post(port, "/oauth2/token", authorization, "grant_type=client_credentials");
		assertThat(response.statusCode()).isEqualTo(200);
		return (String) json(response).get("access_token");
	}

	/**
	 * The response's JSON object body.
	 * @param response the response
	 * @return its members
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> json(HttpResponse<String> response) {
		return JSON.readValue(response.body(), Map.class);
	}

}
