package dev.joat.spring.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.joat.Credentials;
import dev.joat.SecretResolver;
import dev.joat.TokenParser;
import dev.joat.spring.boot.JoatAutoConfigurationTests;
import dev.joat.spring.boot.ResourceServerFilterChainTests;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link JwtClaimsView}: the claims as Spring's decoders present them, in token order, copied
 * exactly by the {@code LinkedHashMap} copy constructor that {@code Jwt} uses, although its
 * iterator refills one entry.
 */
class JwtClaimsViewTests {

	private static final long NOW = Instant.now().getEpochSecond();

	@Test
	void copyWhenLinkedHashMapThenSpringTypesInTokenOrderWithClientIdAsSubLast() throws Exception {
		JwtClaimsView view = new JwtClaimsView(credentials("{\"aud\":\"abcd\",\"iss\":\"joat\",\"exp\":" + (NOW + 60)
				+ ",\"iat\":" + NOW + ",\"nbf\":" + NOW + ",\"scp\":[\"read\"],\"n\":{\"x\":1}}"));

		Map<String, Object> copy = new LinkedHashMap<>(view);

		assertThat(copy).containsExactly(Map.entry("aud", List.of("abcd")), Map.entry("iss", "joat"),
				Map.entry("exp", Instant.ofEpochSecond(NOW + 60)), Map.entry("iat", Instant.ofEpochSecond(NOW)),
				Map.entry("nbf", Instant.ofEpochSecond(NOW)), Map.entry("scp", List.of("read")),
				Map.entry("n", Map.of("x", 1L)), Map.entry("sub", "abcd"));
		assertThat(view).isEqualTo(copy);
		assertThat(view.hashCode()).isEqualTo(copy.hashCode());
		assertThat(view).hasToString(copy.toString());
	}

	@Test
	void iteratorWhenEntriesReadInTurnThenEachMatchesAnEntryOfTheCopyAndNoneAfterTheLast() throws Exception {
		JwtClaimsView view = new JwtClaimsView(
				credentials("{\"sub\":\"1234\",\"client_id\":\"abcd\",\"aud\":[\"a\",\"b\"],\"exp\":" + (NOW + 60) + "}"));
		List<Map.Entry<String, Object>> expected = List.of(Map.entry("sub", "1234"), Map.entry("client_id", "abcd"),
				Map.entry("aud", List.of("a", "b")), Map.entry("exp", Instant.ofEpochSecond(NOW + 60)));
		List<Boolean> equalInTurn = new ArrayList<>();
		var iterator = view.entrySet().iterator();
		for (Map.Entry<String, Object> entry : expected) {
			Map.Entry<String, Object> read = iterator.next();
			equalInTurn.add(read.equals(entry) && read.hashCode() == entry.hashCode());
		}
		assertThat(equalInTurn).containsExactly(true, true, true, true);
		assertThat(view).hasSize(4);
		assertThat(iterator.hasNext()).isFalse();
		assertThatExceptionOfType(java.util.NoSuchElementException.class).isThrownBy(iterator::next);
	}

	/**
	 * The guard of the one Spring Security detail joat relies on: {@code Jwt} copies its claims map.
	 * {@link JwtClaimsView} reuses one entry object while it is iterated, so a {@code Jwt} that kept
	 * the view (or wrapped it) instead of copying it would hand out claims that change under the
	 * reader. If a Spring Security upgrade stops copying, this fails: give the decoder a copy then.
	 */
	@Test
	void jwtWhenBuiltFromTheViewThenKeepsACopyWithEntriesOfItsOwn() throws Exception {
		JwtClaimsView view = new JwtClaimsView(
				credentials("{\"sub\":\"1234\",\"client_id\":\"abcd\",\"exp\":" + (NOW + 60) + ",\"iat\":" + NOW + "}"));

		Jwt jwt = new Jwt("token", Instant.ofEpochSecond(NOW), Instant.ofEpochSecond(NOW + 60), Map.of("alg", "HS256"),
				view);

		assertThat(jwt.getClaims()).isNotSameAs(view);
		List<Map.Entry<String, Object>> entries = new ArrayList<>(jwt.getClaims().entrySet());
		assertThat(entries).containsExactly(Map.entry("sub", "1234"), Map.entry("client_id", "abcd"),
				Map.entry("exp", Instant.ofEpochSecond(NOW + 60)), Map.entry("iat", Instant.ofEpochSecond(NOW)));
		assertThat(entries).doesNotHaveDuplicates();
		assertThat(jwt.getSubject()).isEqualTo("1234");
	}

	private static Credentials credentials(String payload) throws Exception {
		String token = ResourceServerFilterChainTests.sign("{\"alg\":\"HS256\"}", payload);
		return TokenParser.builder(SecretResolver.of(JoatAutoConfigurationTests.SECRET)).build().parseToken(token);
	}

}
