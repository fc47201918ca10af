package dev.joat.sample.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import dev.joat.spring.boot.JoatConfigurationException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The held-back attempts: checked after the delay, a wrong secret answered with the limit's
 * refusal and {@code Connection: close}, a right one dispatched again, and at most
 * {@code max-delayed-refusals} of them held at once (the others wait for a slot, never answered at
 * once). The servlet container's side (async processing) is Spring's mock here;
 * SampleTokenEndpointHostileClientTests runs the same through Tomcat.
 */
class HeldBackAttemptsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADDRESS = "192.0.2.1";

	private static final ClientCredentials RIGHT = new ClientCredentials("demo-client", "demo-secret");

	private static final ClientCredentials WRONG = new ClientCredentials("demo-client", "wrong");

	private final ClientAuthenticationProperties properties = new ClientAuthenticationProperties();

	private final ClientAuthenticator authenticator;

	HeldBackAttemptsTests() {
		this.properties.setMaxFailuresPerAddress(1);
		this.authenticator = authenticator(this.properties);
		assertThatExceptionOfType(TokenRequestException.class)
			.isThrownBy(() -> this.authenticator.authenticate(WRONG, ADDRESS));
		assertThat(this.authenticator.holdsBack(WRONG, ADDRESS)).isTrue();
	}

	@Test
	void holdBackWhenSecretWrongThenRefusedAfterTheDelayWithConnectionClose() throws Exception {
		this.properties.setRefusalDelay(Duration.ofMillis(50));
		HeldBackAttempts attempts = new HeldBackAttempts(this.authenticator, this.properties);
		try {
			MockHttpServletRequest request = asyncRequest();
			MockHttpServletResponse response = new MockHttpServletResponse();
			attempts.holdBack(WRONG, request, response);
			assertThat(request.isAsyncStarted()).isTrue();
			awaitUntil(() -> !request.isAsyncStarted());
			assertThat(request.isAsyncStarted()).as("answered and completed").isFalse();
			assertRefused(response);
			assertThat(attempts.held()).isZero();
		}
		finally {
			attempts.destroy();
		}
	}

	@Test
	void holdBackWhenSecretRightThenDispatchedAfterTheDelayAndProven() throws Exception {
		this.properties.setRefusalDelay(Duration.ofMillis(50));
		HeldBackAttempts attempts = new HeldBackAttempts(this.authenticator, this.properties);
		try {
			MockHttpServletRequest request = asyncRequest();
			MockHttpServletResponse response = new MockHttpServletResponse();
			attempts.holdBack(RIGHT, request, response);
			MockAsyncContext async = (MockAsyncContext) request.getAsyncContext();
			awaitUntil(() -> async.getDispatchedPath() != null);
			assertThat(async.getDispatchedPath()).isEqualTo("/oauth2/token");
			assertThat(response.getContentLength()).as("the endpoint answers it").isZero();
			awaitUntil(() -> attempts.held() == 0);
			assertThat(attempts.held()).isZero();
			assertThat(this.authenticator.holdsBack(RIGHT, ADDRESS)).as("proven").isFalse();
		}
		finally {
			attempts.destroy();
		}
	}

	@Test
	void holdBackWhenMoreThanMaxHeldThenTheOthersWaitForASlotNotAnsweredAtOnce() throws Exception {
		this.properties.setRefusalDelay(Duration.ofMillis(300));
		this.properties.setMaxDelayedRefusals(2);
		HeldBackAttempts attempts = new HeldBackAttempts(this.authenticator, this.properties);
		try {
			List<MockHttpServletRequest> requests = new ArrayList<>();
			List<MockHttpServletResponse> responses = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				requests.add(asyncRequest());
				responses.add(new MockHttpServletResponse());
				attempts.holdBack(WRONG, requests.get(i), responses.get(i));
			}
			assertThat(attempts.held()).isEqualTo(2);
			assertThat(attempts.waitingForSlot()).isEqualTo(1);
			assertThat(requests).allSatisfy((request) -> assertThat(request.isAsyncStarted()).isTrue());
			assertThat(responses.get(2).getContentLength()).isZero();
			awaitUntil(() -> !requests.get(0).isAsyncStarted() && !requests.get(1).isAsyncStarted());
			assertRefused(responses.get(0));
			assertRefused(responses.get(1));
			awaitUntil(() -> !requests.get(2).isAsyncStarted());
			assertRefused(responses.get(2));
			assertThat(attempts.held()).isZero();
			assertThat(attempts.waitingForSlot()).isZero();
		}
		finally {
			attempts.destroy();
		}
	}

	@Test
	void destroyWhenAttemptsHeldThenEachAnswered503() throws Exception {
		this.properties.setRefusalDelay(Duration.ofSeconds(10));
		this.properties.setMaxDelayedRefusals(1);
		HeldBackAttempts attempts = new HeldBackAttempts(this.authenticator, this.properties);
		MockHttpServletRequest first = asyncRequest();
		MockHttpServletResponse firstResponse = new MockHttpServletResponse();
		MockHttpServletRequest second = asyncRequest();
		MockHttpServletResponse secondResponse = new MockHttpServletResponse();
		attempts.holdBack(WRONG, first, firstResponse);
		attempts.holdBack(WRONG, second, secondResponse);
		attempts.destroy();
		assertThat(firstResponse.getStatus()).isEqualTo(503);
		assertThat(secondResponse.getStatus()).isEqualTo(503);
		assertThat(secondResponse.getHeader("Retry-After")).isEqualTo("1");
		assertThat(attempts.held()).isZero();
	}

	@Test
	void constructorWhenRefusalDelayOverTenSecondsThenConfigurationException() {
		this.properties.setRefusalDelay(Duration.ofSeconds(11));
		assertThatExceptionOfType(JoatConfigurationException.class)
			.isThrownBy(() -> new HeldBackAttempts(this.authenticator, this.properties))
			.withMessage("must be between 0 and 10s")
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("joat.sample.client-authentication.refusal-delay"));
	}

	@Test
	void constructorWhenMaxDelayedRefusalsZeroThenConfigurationException() {
		this.properties.setMaxDelayedRefusals(0);
		assertThatExceptionOfType(JoatConfigurationException.class)
			.isThrownBy(() -> new HeldBackAttempts(this.authenticator, this.properties))
			.withMessage("must be at least 1, not 0")
			.satisfies((ex) -> assertThat(ex.getProperty())
				.isEqualTo("joat.sample.client-authentication.max-delayed-refusals"));
	}

	private static ClientAuthenticator authenticator(ClientAuthenticationProperties properties) {
		SampleClientsProperties.Client client = new SampleClientsProperties.Client();
		client.setId("demo-client");
		client.setSecret("demo-secret");
		client.setScopes(List.of("read"));
		SampleClientsProperties clients = new SampleClientsProperties();
		clients.setClients(List.of(client));
		return new ClientAuthenticator(new ClientRegistry(clients, new PlainTextEncoder()), properties);
	}

	private static MockHttpServletRequest asyncRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
		request.setAsyncSupported(true);
		request.setRemoteAddr(ADDRESS);
		return request;
	}

	/** Waits (at most 20 s) for a held attempt to be answered on the checker's thread. */
	private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
	}

	private static void assertRefused(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(429);
		assertThat(response.getHeader("Connection")).isEqualTo("close");
		assertThat(response.getHeader("Retry-After")).isNotNull();
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(response.getContentType()).isEqualTo("application/json");
		assertThat(JSON.readValue(response.getContentAsByteArray(), Map.class)).isEqualTo(Map.of("error",
				"temporarily_unavailable", "error_description", "Too many failed client authentications from this address"));
	}

	/** Secrets in plain text: these tests are about holding back, not about hashing. */
	private static final class PlainTextEncoder implements PasswordEncoder {

		@Override
		public String encode(CharSequence rawPassword) {
			return rawPassword.toString();
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			return rawPassword.toString().equals(encodedPassword);
		}

	}

}
