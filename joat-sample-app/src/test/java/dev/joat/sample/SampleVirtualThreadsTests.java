package dev.joat.sample;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import dev.joat.test.context.ApplicationTestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample on a real Tomcat with {@code spring.threads.virtual.enabled=true} (JDK 21+): requests
 * run on virtual threads, and the token endpoint, the bearer-token checks, the scope checks and the
 * stateless chain keep their contract. The code compiles for Java 17, so {@code Thread.isVirtual()}
 * is called reflectively.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.threads.virtual.enabled=true", "joat.secret=" + SampleApplicationTests.SECRET,
				"joat.issuer=" + SampleApplicationTests.ISSUER })
@Import(SampleVirtualThreadsTests.ThreadProbe.class)
class SampleVirtualThreadsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Test
	void requestsWhenVirtualThreadsEnabledThenHandledOnVirtualThreadsWithTokenFlowIntact() throws Exception {
		String token = token("demo-client", "demo-secret");
		HttpResponse<String> probe = get("/api/thread", token);
		assertThat(probe.statusCode()).isEqualTo(200);
		assertThat(JSON.readValue(probe.body(), Map.class)).containsEntry("virtual", true);

		HttpResponse<String> read = get("/api/read", token);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(JSON.readValue(read.body(), Map.class)).containsEntry("client_id", "demo-client");
		assertThat(read.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void requestsWhenVirtualThreadsEnabledThenRefusalsUnchanged() throws Exception {
		HttpResponse<String> noToken = get("/api/read", null);
		assertThat(noToken.statusCode()).isEqualTo(401);
		assertThat(noToken.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).startsWith("Bearer").doesNotContain("error="));
		assertThat(noToken.headers().allValues("Set-Cookie")).isEmpty();

		HttpResponse<String> badToken = get("/api/read",
				ApplicationTestTokens.from(this.context).token().clientId("demo-client").scopes("read").wrongSignature().issue());
		assertThat(badToken.statusCode()).isEqualTo(401);
		assertThat(badToken.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).contains("error=\"invalid_token\""));

		HttpResponse<String> noScope = get("/api/profile", token("reader-client", "reader-secret"));
		assertThat(noScope.statusCode()).isEqualTo(403);
		assertThat(noScope.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).contains("error=\"insufficient_scope\""));
	}

	// From the real /oauth2/token endpoint, not joat-test: the token flow on virtual threads is what this checks.
	private String token(String client, String secret) throws Exception {
		String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/oauth2/token"))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return (String) JSON.readValue(response.body(), Map.class).get("access_token");
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Reports whether the request ran on a virtual thread; behind the sample's bearer-token chain. */
	@RestController
	static class ThreadProbe {

		@GetMapping("/api/thread")
		Map<String, Object> thread() throws ReflectiveOperationException {
			return Map.of("virtual", isVirtual(Thread.currentThread()));
		}

		private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
			try {
				return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
			}
			catch (InvocationTargetException ex) {
				throw new IllegalStateException(ex.getCause());
			}
		}

	}

}
