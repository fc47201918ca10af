package dev.joat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.joat.InvalidTokenException.Reason;
import org.junit.jupiter.api.Test;

import static dev.joat.TestTokens.HS256_HEADER;
import static dev.joat.TestTokens.claims;
import static dev.joat.TestTokens.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HeaderCacheTests {

	private static final JoseHeader HEADER = new JoseHeader(Map.of("alg", "HS256"), HmacAlgorithm.HS256, null);

	@Test
	void findWhenSameEncodedBytesThenCachedHeader() {
		HeaderCache cache = new HeaderCache();
		byte[] token = "eyJhbGciOiJIUzI1NiJ9.payload".getBytes(StandardCharsets.US_ASCII);
		cache.add(token, 20, HEADER);
		assertThat(cache.find("eyJhbGciOiJIUzI1NiJ9.other".getBytes(StandardCharsets.US_ASCII), 20)).isSameAs(HEADER);
		assertThat(cache.find("eyJhbGciOiJIUzI1NiJ8.other".getBytes(StandardCharsets.US_ASCII), 20)).isNull();
		assertThat(cache.find("eyJhbGciOiJIUzI1NiJ9A.other".getBytes(StandardCharsets.US_ASCII), 21)).isNull();
	}

	@Test
	void addWhenFullThenStopsAdding() {
		HeaderCache cache = new HeaderCache();
		for (int i = 0; i < HeaderCache.CAPACITY + 5; i++) {
			cache.add(("header" + i).getBytes(StandardCharsets.US_ASCII), ("header" + i).length(), HEADER);
		}
		assertThat(cache.find("header0".getBytes(StandardCharsets.US_ASCII), 7)).isSameAs(HEADER);
		int last = HeaderCache.CAPACITY - 1;
		assertThat(cache.find(("header" + last).getBytes(StandardCharsets.US_ASCII), ("header" + last).length()))
			.isSameAs(HEADER);
		int beyond = HeaderCache.CAPACITY;
		assertThat(cache.find(("header" + beyond).getBytes(StandardCharsets.US_ASCII), ("header" + beyond).length()))
			.isNull();
	}

	@Test
	void parseTokenWhenHeaderCachedThenSignatureAndClaimsStillChecked() {
		TokenParser parser = TestTokens.parser().build();
		String valid = sign(HS256_HEADER, claims());
		parser.parseToken(valid);
		String[] parts = valid.split("\\.");
		String tampered = parts[0] + "." + TestTokens.b64(claims("\"admin\":true")) + "." + parts[2];
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> parser.parseToken(tampered))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.BAD_SIGNATURE));
		String expired = sign(HS256_HEADER, "{\"aud\":\"abcd\",\"exp\":1}");
		assertThat(expired.split("\\.")[0]).isEqualTo(parts[0]);
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> parser.parseToken(expired))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.EXPIRED));
	}

	@Test
	void parseTokenWhenSignatureBadThenHeaderNotCached() {
		TokenParser parser = TestTokens.parser().build();
		String forged = sign("{\"alg\":\"HS256\",\"kid\":\"k\"}", claims(), "HmacSHA256", "another secret of thirty-two bytes");
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> parser.parseToken(forged));
		HeaderCache cacheOfParser = parser.headerCache();
		assertThat(cacheOfParser.find(forged.getBytes(StandardCharsets.US_ASCII), forged.indexOf('.'))).isNull();
		String valid = sign("{\"alg\":\"HS256\",\"kid\":\"k\"}", claims());
		parser.parseToken(valid);
		assertThat(cacheOfParser.find(valid.getBytes(StandardCharsets.US_ASCII), valid.indexOf('.'))).isNotNull();
	}

	@Test
	void parseTokenWhenAnotherParserCachedHeaderThenAllowListStillApplies() {
		SecretResolver secret = SecretResolver.of(TestTokens.LONG_SECRET);
		TokenParser lenient = TokenParser.builder(secret).algorithms(HmacAlgorithm.HS256, HmacAlgorithm.HS512)
			.clock(TestTokens.CLOCK).build();
		TokenParser strict = TokenParser.builder(secret).clock(TestTokens.CLOCK).build();
		String hs512 = sign("{\"alg\":\"HS512\"}", claims(), "HmacSHA512", TestTokens.LONG_SECRET);
		lenient.parseToken(hs512);
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> strict.parseToken(hs512))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNSUPPORTED_ALGORITHM));
	}

}
