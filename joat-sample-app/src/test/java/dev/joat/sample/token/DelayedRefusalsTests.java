package dev.joat.sample.token;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.joat.spring.boot.JoatConfigurationException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The held-back refusals: answered after the delay with {@code Connection: close}, and at most
 * {@code max-delayed-refusals} of them waiting at once (beyond that, answered at once). The servlet
 * container's side (async processing) is Spring's mock here; SampleTokenEndpointRefusalTests runs
 * the same through Tomcat.
 */
class DelayedRefusalsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TokenRequestException REFUSAL = TokenRequestException
		.tooManyFailures("Too many failed client authentications from this address", Duration.ofSeconds(42));

	private final ClientAuthenticationProperties properties = new ClientAuthenticationProperties();

	@Test
	void refuseWhenDelayPassesThenAnsweredWithRetryAfterAndConnectionClose() throws Exception {
		this.properties.setRefusalDelay(Duration.ofMillis(50));
		DelayedRefusals refusals = new DelayedRefusals(this.properties);
		try {
			MockHttpServletRequest request = asyncRequest();
			MockHttpServletResponse response = new MockHttpServletResponse();
			refusals.refuse(REFUSAL, request, response);
			assertThat(request.isAsyncStarted()).isTrue();
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (request.isAsyncStarted() && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(request.isAsyncStarted()).as("answered and completed").isFalse();
			assertRefused(response);
			assertThat(refusals.waiting()).isZero();
		}
		finally {
			refusals.destroy();
		}
	}

	@Test
	void refuseWhenMaxDelayedRefusalsWaitThenAnsweredAtOnce() throws Exception {
		this.properties.setRefusalDelay(Duration.ofSeconds(10));
		this.properties.setMaxDelayedRefusals(2);
		DelayedRefusals refusals = new DelayedRefusals(this.properties);
		List<MockHttpServletRequest> requests = List.of(asyncRequest(), asyncRequest(), asyncRequest());
		List<MockHttpServletResponse> responses = List.of(new MockHttpServletResponse(), new MockHttpServletResponse(),
				new MockHttpServletResponse());
		for (int i = 0; i < 3; i++) {
			refusals.refuse(REFUSAL, requests.get(i), responses.get(i));
		}
		assertThat(refusals.waiting()).isEqualTo(2);
		assertThat(requests.get(0).isAsyncStarted()).isTrue();
		assertThat(requests.get(1).isAsyncStarted()).isTrue();
		assertThat(responses.get(0).getContentLength()).isZero();
		assertThat(requests.get(2).isAsyncStarted()).isFalse();
		assertRefused(responses.get(2));
		refusals.destroy();
		assertThat(refusals.waiting()).isZero();
		assertRefused(responses.get(0));
		assertRefused(responses.get(1));
	}

	@Test
	void refuseWhenDelayZeroThenAnsweredAtOnce() throws Exception {
		this.properties.setRefusalDelay(Duration.ZERO);
		DelayedRefusals refusals = new DelayedRefusals(this.properties);
		MockHttpServletRequest request = asyncRequest();
		MockHttpServletResponse response = new MockHttpServletResponse();
		refusals.refuse(REFUSAL, request, response);
		assertThat(request.isAsyncStarted()).isFalse();
		assertRefused(response);
		refusals.destroy();
	}

	@Test
	void constructorWhenRefusalDelayOverTenSecondsThenConfigurationException() {
		this.properties.setRefusalDelay(Duration.ofSeconds(11));
		assertThatExceptionOfType(JoatConfigurationException.class)
			.isThrownBy(() -> new DelayedRefusals(this.properties))
			.withMessage("must be between 0 and 10s")
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("joat.sample.client-authentication.refusal-delay"));
	}

	@Test
	void constructorWhenMaxDelayedRefusalsZeroThenConfigurationException() {
		this.properties.setMaxDelayedRefusals(0);
		assertThatExceptionOfType(JoatConfigurationException.class)
			.isThrownBy(() -> new DelayedRefusals(this.properties))
			.withMessage("must be at least 1, not 0")
			.satisfies((ex) -> assertThat(ex.getProperty())
				.isEqualTo("joat.sample.client-authentication.max-delayed-refusals"));
	}

	private static MockHttpServletRequest asyncRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
		request.setAsyncSupported(true);
		return request;
	}

	private static void assertRefused(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(429);
		assertThat(response.getHeader("Connection")).isEqualTo("close");
		assertThat(response.getHeader("Retry-After")).isEqualTo("42");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(response.getContentType()).isEqualTo("application/json");
		assertThat(JSON.readValue(response.getContentAsByteArray(), Map.class)).isEqualTo(Map.of("error",
				"temporarily_unavailable", "error_description", "Too many failed client authentications from this address"));
	}

}
