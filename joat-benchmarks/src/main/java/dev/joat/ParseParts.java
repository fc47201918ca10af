package dev.joat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code TokenParser.parseToken}'s budget, step by step, on the PyJOAT-shaped token of the other
 * benchmarks: each benchmark runs one step of the pipeline alone (it lives in package
 * {@code dev.joat} to reach the package-private steps). The steps add up to roughly the whole
 * parse; the difference is glue (the header cache look-up, pooled buffers, records).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch" })
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class ParseParts {

	private static final byte[] SECRET = "joat-benchmarks: parse parts, 32B".getBytes(StandardCharsets.UTF_8);

	private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

	private String token;

	private CompactJws jws;

	private JoseHeader header;

	private ReadOnlyJsonObject claims;

	private ClaimsValidator claimsValidator;

	private TokenParser parser;

	@Setup
	public void setup() {
		this.token = TokenGenerator.builder("My OAuth2 Provider", SecretResolver.of(SECRET))
			.clock(this.clock)
			.lifetime(java.time.Duration.ofDays(365 * 70))
			.build()
			.issueToken(TokenRequest.builder("abcd", List.of("profile", "read")).userId("1234").build());
		this.jws = CompactJws.split(this.token, 8192);
		this.header = JoseHeader.read(this.jws.decodeHeader(), EnumSet.of(HmacAlgorithm.HS256));
		this.claims = StrictJsonReader.readObject(this.jws.payload(), this.jws.payloadLength(), "payload");
		this.claimsValidator = new ClaimsValidator(Set.of("My OAuth2 Provider"), Set.of(), 60, this.clock);
		this.parser = TokenParser.builder(SecretResolver.of(SECRET)).issuer("My OAuth2 Provider").clock(this.clock).build();
		this.parser.parseToken(this.token);
	}

	/** 1-2: length check, ASCII copy, split, strict base64url of payload and signature. */
	@Benchmark
	public CompactJws split() {
		return CompactJws.split(this.token, 8192);
	}

	/** 3: the header, when not cached (the parser caches it after the first verified token). */
	@Benchmark
	public JoseHeader readHeaderUncached() {
		return JoseHeader.read(this.jws.decodeHeader(), EnumSet.of(HmacAlgorithm.HS256));
	}

	/** 4: the payload JSON. */
	@Benchmark
	public Map<String, Object> readPayload() {
		return StrictJsonReader.readObject(this.jws.payload(), this.jws.payloadLength(), "payload");
	}

	/** 6: HMAC-SHA256 of header.payload with a cached key, compared in constant time. */
	@Benchmark
	public boolean hmac() {
		return Hmac.verify(HmacAlgorithm.HS256, SECRET, this.jws.ascii(), this.jws.signingInputLength(),
				this.jws.signature());
	}

	/** 7-8: the claims' meaning, and Credentials out. */
	@Benchmark
	public Credentials validateClaims() {
		return this.claimsValidator.validate(this.claims);
	}

	/** Everything, for comparison. */
	@Benchmark
	public Credentials parseToken() {
		return this.parser.parseToken(this.token);
	}

}
