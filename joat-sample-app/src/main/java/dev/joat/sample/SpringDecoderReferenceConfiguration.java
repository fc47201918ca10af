package dev.joat.sample;

import java.nio.charset.StandardCharsets;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * A reference point for the end-to-end load test ({@code joat-benchmarks/scripts/load-test.sh}), not a way to
 * run the sample: with the profile {@value #PROFILE}, the API's bearer tokens are verified by
 * Spring Security's stock {@link NimbusJwtDecoder} instead of the joat starter's decoder (which
 * backs off when the application defines a {@link JwtDecoder}), with the same HMAC secret
 * ({@code joat.secret}, as UTF-8 bytes, HS256 only) and the same issuer ({@code joat.issuer}),
 * validated as Spring Boot configures an issuer: the default validators (timestamps, which check
 * {@code exp} when present) plus the issuer. Everything else (the token endpoint, the filter
 * chains, the controllers) is the same application, so the difference under load is the
 * decoder's. Only a text secret ({@code joat.secret}) is supported; none of joat's own refusals
 * beyond that (a required {@code exp}, strict base64url, duplicate claim names, revocation) apply.
 */
@Configuration(proxyBeanMethods = false)
@Profile(SpringDecoderReferenceConfiguration.PROFILE)
class SpringDecoderReferenceConfiguration {

	/** The profile that swaps the decoder. */
	static final String PROFILE = "spring-decoder-reference";

	@Bean
	JwtDecoder springNimbusJwtDecoder(Environment environment) {
		byte[] secret = environment.getRequiredProperty("joat.secret").getBytes(StandardCharsets.UTF_8);
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(environment.getRequiredProperty("joat.issuer")));
		return decoder;
	}

}
