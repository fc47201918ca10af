package dev.joat.sample;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import dev.joat.test.context.ApplicationTestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker can send to {@code /oauth2/revoke} and {@code /oauth2/introspect}, through the
 * real embedded Tomcat with joat's DEBUG logging on: malformed bodies, wrong or injected client
 * credentials, forged, expired, oversized and injected tokens, another client's token, other
 * methods. Every request gets a 2xx or 4xx answer, and none makes a WARN or ERROR line or puts a
 * CR/LF of its own into the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "joat.secret=" + SampleApplicationTests.SECRET, "joat.issuer=" + SampleApplicationTests.ISSUER,
				"logging.level.dev.joat=debug" })
@ExtendWith(OutputCaptureExtension.class)
class SampleRevocationHostileRequestTests {

	/** Text each hostile request tries to inject as a log line of its own. */
	private static final String INJECTED = "INJECTED-LOG-LINE";

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Test
	void revokeAndIntrospectWhenHostileBatchThenNoWarnOrErrorAndNoInjectedLogLine(CapturedOutput output) throws Exception {
		String demoToken = ApplicationTestTokens.from(this.context).token().clientId("demo-client").scopes("read").issue();
		List<String> tokens = List.of("not.a.token", "%0D%0A" + INJECTED, "a.b.c%0A" + INJECTED, "x".repeat(7000),
				ApplicationTestTokens.from(this.context).token().clientId("demo-client").wrongSignature().issue(),
				ApplicationTestTokens.from(this.context).token().clientId("demo-client").expired().issue(),
				ApplicationTestTokens.from(this.context).token().clientId("demo-client").algorithm("none").issue(),
				// Validly signed (as by an issuer sharing the secret), with CR/LF in the claims the endpoints read.
				ApplicationTestTokens.from(this.context).token().clientId("demo-client\r\n" + INJECTED)
					.tokenId("jti\r\n" + INJECTED).issue(),
				demoToken);
		List<String> answers = new ArrayList<>();
		for (String path : List.of("/oauth2/revoke", "/oauth2/introspect")) {
			for (String token : tokens) {
				answers.add(path + " " + post(path, "127.0.0.1", SampleRevocationTests.READER, "token=" + token).status());
				answers.add(path + " " + post(path, "127.0.0.1", SampleRevocationTests.READER,
						"token=" + token + "&token_type_hint=%0A" + INJECTED).status());
			}
			for (String form : hostileForms()) {
				answers.add(path + " " + post(path, "127.0.0.1", SampleRevocationTests.READER, form).status());
			}
			// Wrong credentials from addresses of their own, so the failure limit is reached and answered too.
			for (String secret : List.of("wrong", "wrong%0D%0A" + INJECTED, "x".repeat(2000))) {
				answers.add(path + " " + post(path, "127.0.0.2", null,
						"token=" + demoToken + "&client_id=demo-client&client_secret=" + secret).status());
				answers.add(path + " " + post(path, "127.0.0.2", null,
						"token=" + demoToken + "&client_id=nobody%0A" + INJECTED + "&client_secret=" + secret).status());
			}
			String injectedBasic = "Basic " + Base64.getEncoder()
				.encodeToString(("demo-client\n" + INJECTED + ":wrong\r\n" + INJECTED).getBytes(StandardCharsets.UTF_8));
			answers.add(path + " " + post(path, "127.0.0.3", injectedBasic, "token=" + demoToken).status());
			answers.add(path + " " + post(path, "127.0.0.3", "Basic " + "A".repeat(32 * 1024), "token=x").status());
			for (String method : List.of("GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE")) {
				answers.add(path + " " + RawHttp.send(this.port, "127.0.0.1",
						method + " " + path + "?x=%0D%0A" + INJECTED + " HTTP/1.1", null).status());
			}
			answers.add(path + " " + RawHttp.send(this.port, "127.0.0.1",
					"POST " + path + " HTTP/1.1\r\nContent-Type: %0A" + INJECTED, "a=b".getBytes()).status());
		}
		assertThat(answers).allSatisfy((answer) -> assertThat(Integer.parseInt(answer.substring(answer.length() - 3)))
			.as(answer).isBetween(200, 499));
		List<String> lines = Arrays.asList(output.getAll().split("\r\n|\r|\n"));
		assertThat(lines).noneMatch((line) -> line.contains(" WARN ") || line.contains(" ERROR "));
		assertThat(lines).noneMatch((line) -> line.contains(INJECTED));
	}

	private static List<String> hostileForms() {
		List<String> forms = new ArrayList<>(List.of("token=%zz", "token=%E9", "=x", "token=a&token=b",
				"token=%0D%0A" + INJECTED + "%zz", "%0A" + INJECTED + "=%E9", "token_type_hint=access_token",
				"token=x&pad=" + "a".repeat(64 * 1024)));
		StringBuilder many = new StringBuilder("token=x");
		for (int i = 0; i < 1001; i++) {
			many.append("&p").append(i).append("=%0A").append(INJECTED);
		}
		forms.add(many.toString());
		return forms;
	}

	private RawHttp.Response post(String path, String fromAddress, String authorization, String form) throws Exception {
		String head = "POST " + path + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded"
				+ ((authorization != null) ? "\r\nAuthorization: " + authorization : "");
		return RawHttp.send(this.port, fromAddress, head, form.getBytes(StandardCharsets.ISO_8859_1));
	}

}
