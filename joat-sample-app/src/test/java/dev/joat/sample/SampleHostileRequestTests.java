package dev.joat.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.joat.test.context.ApplicationTestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker can send, through the real embedded Tomcat (which is what decodes a body):
 * every malformed token request gets an RFC 6749 §5.2 JSON error with {@code no-store} and at
 * most one DEBUG line; other methods get 405; malformed bodies elsewhere never get past
 * authentication; and no request of the batch makes a WARN or ERROR line or puts a CR/LF of its
 * own into the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "joat.secret=" + SampleApplicationTests.SECRET, "joat.issuer=" + SampleApplicationTests.ISSUER,
				"logging.level.dev.joat=debug" })
@ExtendWith(OutputCaptureExtension.class)
class SampleHostileRequestTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String DEMO = "Basic " + Base64.getEncoder().encodeToString("demo-client:demo-secret".getBytes());

	/** Text each hostile request tries to inject as a log line of its own. */
	private static final String INJECTED = "INJECTED-LOG-LINE";

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Test
	void tokenWhenPercentEscapeMalformedThenInvalidRequest() throws Exception {
		assertInvalidRequest(token("grant_type=client_credentials&scope=%zz"), 400,
				"The request body has a malformed percent-escape");
		assertInvalidRequest(token("grant_type=client_credentials&scope=read%2"), 400,
				"The request body has a malformed percent-escape");
	}

	@Test
	void tokenWhenDecodedBytesNotUtf8ThenInvalidRequest() throws Exception {
		assertInvalidRequest(token("grant_type=client_credentials&scope=%E9"), 400, "The request body is not UTF-8");
		assertInvalidRequest(RawHttp.send(this.port, "127.0.0.1",
				"POST /oauth2/token HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nAuthorization: " + DEMO,
				new byte[] { 's', 'c', 'o', 'p', 'e', '=', (byte) 0xE9 }), 400, "The request body is not UTF-8");
	}

	@Test
	void tokenWhenParameterNameEmptyThenInvalidRequest() throws Exception {
		assertInvalidRequest(token("grant_type=client_credentials&=x"), 400, "A parameter has an empty name");
	}

	@Test
	void tokenWhenMoreParametersThanTomcatAllowsThenInvalidRequest() throws Exception {
		StringBuilder form = new StringBuilder("grant_type=client_credentials");
		for (int i = 0; i < 1001; i++) {
			form.append("&p").append(i).append("=1");
		}
		assertInvalidRequest(token(form.toString()), 400, "At most 16 parameters are accepted");
	}

	@Test
	void tokenWhenBodyOverLimitThenPayloadTooLarge() throws Exception {
		assertInvalidRequest(token("grant_type=client_credentials&pad=" + "a".repeat(64 * 1024)), 413,
				"The request body is larger than 8192 bytes");
		// Over Tomcat's own maxPostSize (2 MB) too.
		assertInvalidRequest(token("grant_type=client_credentials&pad=" + "a".repeat(3 * 1024 * 1024)), 413,
				"The request body is larger than 8192 bytes");
	}

	@Test
	void tokenWhenChunkedBodyOverLimitThenPayloadTooLarge() throws Exception {
		String chunk = "a".repeat(4096);
		String chunked = ("1000\r\n" + chunk + "\r\n").repeat(4) + "0\r\n\r\n";
		RawHttp.Response response = RawHttp.send(this.port, "127.0.0.1",
				"POST /oauth2/token HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked",
				chunked.getBytes(StandardCharsets.US_ASCII));
		assertInvalidRequest(response, 413, "The request body is larger than 8192 bytes");
	}

	@Test
	void tokenWhenGetThenMethodNotAllowedWithAllowPost() throws Exception {
		RawHttp.Response response = RawHttp.send(this.port, "127.0.0.1", "GET /oauth2/token HTTP/1.1", null);
		assertInvalidRequest(response, 405, "The token endpoint accepts POST only");
		assertThat(response.header("Allow")).isEqualTo("POST, OPTIONS");
	}

	@Test
	void optionsWhenTokenRevokeOrIntrospectThenOkAllowPostAndOptions() throws Exception {
		for (String path : List.of("/oauth2/token", "/oauth2/revoke", "/oauth2/introspect")) {
			RawHttp.Response response = RawHttp.send(this.port, "127.0.0.1", "OPTIONS " + path + " HTTP/1.1", null);
			assertThat(response.status()).as(path).isEqualTo(200);
			assertThat(response.header("Allow")).as(path).isEqualTo("POST, OPTIONS");
			assertThat(response.header("Cache-Control")).as(path).isEqualTo("no-store");
		}
	}

	@Test
	void apiWhenUnauthenticatedPutOrPatchWithMalformedFormThenUnauthorized() throws Exception {
		for (String method : List.of("PUT", "PATCH", "DELETE")) {
			for (String path : List.of("/api/read", "/api/me", "/anything")) {
				RawHttp.Response response = RawHttp.send(this.port, "127.0.0.1",
						method + " " + path + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded",
						"a=%zz&b=%E9&=x".getBytes(StandardCharsets.US_ASCII));
				assertThat(response.status()).as(method + " " + path).isEqualTo(401);
				assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
			}
		}
	}

	@Test
	void requestsWhenHostileBatchThenNoWarnOrErrorAndNoInjectedLogLine(CapturedOutput output) throws Exception {
		for (String form : hostileForms()) {
			int before = output.getOut().length();
			RawHttp.Response response = token(form);
			assertThat(response.status()).as(form).isBetween(400, 499);
			List<String> debugLines = lines(output.getOut().substring(before)).stream()
				.filter((line) -> line.contains("DEBUG"))
				.toList();
			assertThat(debugLines).as(form).hasSizeLessThanOrEqualTo(1);
		}
		for (String secret : List.of("wrong", "wrong%0D%0A" + INJECTED, "x".repeat(2000))) {
			token("grant_type=client_credentials&client_id=demo-client&client_secret=" + secret);
			token("grant_type=client_credentials&client_id=nobody%0A" + INJECTED + "&client_secret=" + secret);
		}
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString(("demo-client\n" + INJECTED + ":wrong\r\n" + INJECTED).getBytes(StandardCharsets.UTF_8));
		RawHttp.postToken(this.port, "127.0.0.1", basic, "grant_type=client_credentials");
		// Besides joat-test's alg=none token, strings that are no JWT at all, which joat-test does not make.
		String algNone = ApplicationTestTokens.from(this.context).token().scopes("read").algorithm("none").issue();
		for (String token : List.of("not.a.token", "a.b.c", algNone, INJECTED, "x".repeat(10_000))) {
			RawHttp.send(this.port, "127.0.0.1", "GET /api/read HTTP/1.1\r\nAuthorization: Bearer " + token, null);
		}
		for (String method : List.of("GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE")) {
			RawHttp.send(this.port, "127.0.0.1", method + " /oauth2/token HTTP/1.1", null);
			RawHttp.send(this.port, "127.0.0.1", method + " /api/read?x=%0D%0A" + INJECTED + " HTTP/1.1", null);
		}
		for (String path : List.of("/api/me", "/nowhere", "/.well-known/oauth-authorization-server",
				"/.well-known/oauth-protected-resource")) {
			RawHttp.send(this.port, "127.0.0.1", "POST " + path + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded",
					("a=%zz&b=%E9%0A" + INJECTED).getBytes(StandardCharsets.US_ASCII));
			RawHttp.send(this.port, "127.0.0.1", "PUT " + path + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded",
					("a=%zz&b=%E9%0A" + INJECTED).getBytes(StandardCharsets.US_ASCII));
		}
		RawHttp.send(this.port, "127.0.0.1", "GET /api/read HTTP/1.1\r\nX-Huge: " + "h".repeat(64 * 1024), null);
		RawHttp.postToken(this.port, "127.0.0.1", "Basic " + "A".repeat(32 * 1024), "grant_type=client_credentials");
		RawHttp.send(this.port, "127.0.0.1",
				"POST /oauth2/token HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded; charset=ISO-8859-1", "a=b".getBytes());
		RawHttp.send(this.port, "127.0.0.1", "POST /oauth2/token HTTP/1.1\r\nContent-Type: %0A" + INJECTED, "a=b".getBytes());

		List<String> lines = lines(output.getAll());
		assertThat(lines).noneMatch((line) -> line.contains(" WARN ") || line.contains(" ERROR "));
		assertThat(lines).noneMatch((line) -> line.contains(INJECTED));
	}

	private List<String> hostileForms() {
		List<String> forms = new ArrayList<>(List.of("grant_type=client_credentials&scope=%zz",
				"grant_type=client_credentials&scope=%E9", "grant_type=client_credentials&=x",
				"grant_type=client_credentials&scope=%0D%0A" + INJECTED + "%zz",
				"grant_type=client_credentials%0A" + INJECTED + "&grant_type=x",
				"grant_type=client_credentials&%0A" + INJECTED + "=%E9",
				"grant_type=%0D%0A" + INJECTED, "scope=read%0A" + INJECTED,
				"grant_type=client_credentials&scope=read%0A" + INJECTED,
				"grant_type=client_credentials&pad=" + "a".repeat(64 * 1024)));
		StringBuilder many = new StringBuilder("grant_type=client_credentials");
		for (int i = 0; i < 1001; i++) {
			many.append("&p").append(i).append("=%0A").append(INJECTED);
		}
		forms.add(many.toString());
		return forms;
	}

	private RawHttp.Response token(String form) throws IOException {
		return RawHttp.postToken(this.port, "127.0.0.1", DEMO, form);
	}

	private static List<String> lines(String output) {
		return Arrays.asList(output.split("\r\n|\r|\n"));
	}

	@SuppressWarnings("unchecked")
	private static void assertInvalidRequest(RawHttp.Response response, int status, String description) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		assertThat(JSON.readValue(response.body(), Map.class))
			.isEqualTo(Map.of("error", "invalid_request", "error_description", description));
	}

}
