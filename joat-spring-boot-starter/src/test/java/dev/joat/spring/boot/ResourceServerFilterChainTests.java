package dev.joat.spring.boot;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.joat.SecretResolver;
import dev.joat.TokenGenerator;
import dev.joat.TokenRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Real joat tokens through the starter's default (stateless) resource-server filter chain, down to
 * {@code @PreAuthorize} scope checks: the starter plus {@code joat.issuer} and {@code joat.secret}.
 */
@SpringBootTest(classes = TestResourceServerApplication.class,
		properties = { "joat.issuer=" + ResourceServerFilterChainTests.ISSUER,
				"joat.secret=" + JoatAutoConfigurationTests.SECRET })
@AutoConfigureMockMvc
public class ResourceServerFilterChainTests {

	static final String ISSUER = "https://issuer.example";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TokenGenerator generator;

	@Test
	void getWhenTokenHasReadScopeThenOk() throws Exception {
		String token = this.generator.issueToken(TokenRequest.builder("abcd", List.of("read")).userId("1234").build());
		this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"sub\":\"1234\"}"));
	}

	@Test
	void getWhenTokenLacksScopeThenForbiddenInsufficientScope() throws Exception {
		String token = this.generator.issueToken("abcd", List.of("read"));
		this.mvc.perform(get("/write").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isForbidden())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE,
					org.hamcrest.Matchers.containsString("error=\"insufficient_scope\"")));
	}

	@Test
	void getWhenNoTokenThenUnauthorizedWithoutErrorAttribute() throws Exception {
		MvcResult result = this.mvc.perform(get("/read")).andExpect(status().isUnauthorized()).andReturn();
		String challenge = result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE);
		assertThat(challenge).startsWith("Bearer").doesNotContain("error=");
	}

	@Test
	void getWhenExpiredThenInvalidToken() throws Exception {
		String expired = this.generator.issueToken(TokenRequest.builder("abcd", List.of("read"))
			.issuedAt(Instant.now().minus(Duration.ofHours(3)))
			.lifetime(Duration.ofHours(1))
			.build());
		assertInvalidToken(expired, "Token expired at");
	}

	@Test
	void getWhenOtherIssuerThenInvalidToken() throws Exception {
		String foreign = TokenGenerator.builder("https://evil.example", SecretResolver.of(JoatAutoConfigurationTests.SECRET))
			.build()
			.issueToken("abcd", List.of("read"));
		assertInvalidToken(foreign, "Wrong issuer");
	}

	@Test
	void getWhenTamperedThenInvalidToken() throws Exception {
		String token = this.generator.issueToken("abcd", List.of("profile"));
		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("[\"profile\"]", "[\"read\"]");
		assertInvalidToken(parts[0] + "." + b64(payload) + "." + parts[2], "Bad signature");
	}

	@Test
	void getWhenAlgNoneThenInvalidToken() throws Exception {
		String token = this.generator.issueToken("abcd", List.of("read"));
		String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + token.split("\\.")[1] + ".";
		assertInvalidToken(none, "Unsupported algorithm");
	}

	@Test
	void getWhenSignedTokenHasNumericScopesThenUnauthorizedNotServerError() throws Exception {
		long now = Instant.now().getEpochSecond();
		String token = sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"aud\":\"abcd\",\"iss\":\"" + ISSUER + "\",\"exp\":"
				+ (now + 600) + ",\"scp\":[1,2],\"sub\":\"1234\"}");
		assertInvalidToken(token, "Invalid claim");
	}

	@Test
	void getWhenErrorThenNoStackTraceSecretOrTokenInResponse() throws Exception {
		String token = this.generator.issueToken("abcd", List.of("read")) + "x";
		MvcResult result = this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isUnauthorized())
			.andReturn();
		String everything = result.getResponse().getContentAsString()
				+ result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE);
		assertThat(everything).doesNotContain(JoatAutoConfigurationTests.SECRET).doesNotContain(token.substring(20, 60))
			.doesNotContain("at dev.joat").doesNotContain("Exception");
	}

	private void assertInvalidToken(String token, String description) throws Exception {
		MvcResult result = this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isUnauthorized())
			.andReturn();
		assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer ")
			.contains("error=\"invalid_token\"")
			.contains("error_description=\"" + description);
	}

	static String b64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	public static String sign(String header, String payload) throws Exception {
		String signingInput = b64(header) + "." + b64(payload);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(JoatAutoConfigurationTests.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return signingInput + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
	}

}
