package dev.joat.spring.boot;

import java.time.Instant;
import java.util.List;

import dev.joat.InvalidTokenException;
import dev.joat.TokenGenerator;
import dev.joat.TokenParser;
import dev.joat.TokenRequest;
import dev.joat.revocation.InMemoryRevocationStore;
import dev.joat.revocation.RevocationList;
import dev.joat.revocation.RevocationStore;
import dev.joat.spring.boot.actuate.JoatEndpoint;
import dev.joat.spring.boot.actuate.JoatEndpointAutoConfiguration;
import dev.joat.spring.security.RevocationUnavailableFilter;
import dev.joat.spring.security.RevocationUnavailableWebFilter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code joat.revocation.*} in a real Boot context: each store value, the back-off when the
 * application brings its own list or store, and the start-up failures.
 */
class RevocationAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class))
		.withPropertyValues("joat.issuer=joat", "joat.secret=" + JoatAutoConfigurationTests.SECRET);

	@Test
	void storeWhenUnsetThenNoStoreAndTokensWithoutJtiAccepted() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(RevocationList.class);
			assertThat(context).doesNotHaveBean(RevocationStore.class);
			assertThat(context).hasSingleBean(RevocationUnavailableFilter.class);
			TokenParser parser = context.getBean(TokenParser.class);
			String noJti = TokenGenerator.builder("joat", dev.joat.SecretResolver.of(JoatAutoConfigurationTests.SECRET))
				.build()
				.issueToken("abcd", List.of("read"));
			assertThat(parser.parseToken(noJti).clientId()).isEqualTo("abcd");
		});
	}

	@Test
	void storeWhenInMemoryThenOneStoreIsListAndStoreAndParserRefusesRevokedToken() {
		this.runner.withPropertyValues("joat.revocation.store=in-memory", "joat.revocation.max-entries=10")
			.run((context) -> {
				assertThat(context).hasSingleBean(InMemoryRevocationStore.class);
				InMemoryRevocationStore store = context.getBean(InMemoryRevocationStore.class);
				assertThat(context.getBean(RevocationList.class)).isSameAs(store);
				assertThat(context.getBean(RevocationStore.class)).isSameAs(store);
				assertThat(store.maxEntries()).isEqualTo(10);
				assertThat(context).hasSingleBean(ExpiredRevocationRemoval.class);
				assertThat(context.getBean(ExpiredRevocationRemoval.class).isRunning()).isTrue();
				String token = context.getBean(TokenGenerator.class)
					.issueToken(TokenRequest.builder("abcd", List.of("read")).tokenId("t-1").build());
				TokenParser parser = context.getBean(TokenParser.class);
				assertThat(parser.parseToken(token).tokenId()).isEqualTo("t-1");
				store.revokeToken("t-1", Instant.now().plusSeconds(3600));
				assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> parser.parseToken(token))
					.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(InvalidTokenException.Reason.REVOKED));
			});
	}

	@Test
	void requireJtiWhenUnsetThenTokenWithoutJtiAcceptedAndRevocableByItsClientAndSubject() {
		this.runner.withPropertyValues("joat.revocation.store=in-memory").run((context) -> {
			Instant now = Instant.now();
			String withoutJti = RevocationTokens.withoutJti(now);
			TokenParser parser = context.getBean(TokenParser.class);
			assertThat(parser.parseToken(withoutJti).tokenId()).isNull();
			context.getBean(RevocationStore.class)
				.revokeClientSubjectTokens("abcd", "abcd", now.plusSeconds(1), now.plusSeconds(3600));
			assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> parser.parseToken(withoutJti))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(InvalidTokenException.Reason.REVOKED));
		});
	}

	@Test
	void requireJtiWhenTrueThenTokenWithoutJtiRefusedAsMissingClaim() {
		this.runner.withPropertyValues("joat.revocation.store=in-memory", "joat.revocation.require-jti=true")
			.run((context) -> assertThatExceptionOfType(InvalidTokenException.class)
				.isThrownBy(() -> context.getBean(TokenParser.class).parseToken(RevocationTokens.withoutJti(Instant.now())))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(InvalidTokenException.Reason.MISSING_CLAIM)));
	}

	@Test
	void requireJtiWhenTrueWithoutStoreThenTokenWithoutJtiAccepted() {
		this.runner.withPropertyValues("joat.revocation.require-jti=true")
			.run((context) -> assertThat(
					context.getBean(TokenParser.class).parseToken(RevocationTokens.withoutJti(Instant.now())).tokenId())
				.isNull());
	}

	@Test
	void storeWhenInMemoryInRelaxedFormThenStoreCreated() {
		this.runner.withPropertyValues("joat.revocation.store=IN_MEMORY")
			.run((context) -> assertThat(context).hasSingleBean(InMemoryRevocationStore.class));
	}

	@Test
	void storeWhenInMemoryOnReactiveStackThenStoreAndWebFilter() {
		new ReactiveWebApplicationContextRunner().withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class))
			.withPropertyValues("joat.issuer=joat", "joat.secret=" + JoatAutoConfigurationTests.SECRET,
					"joat.revocation.store=in-memory")
			.run((context) -> {
				assertThat(context).hasSingleBean(InMemoryRevocationStore.class);
				assertThat(context).hasSingleBean(RevocationUnavailableWebFilter.class);
				assertThat(context).doesNotHaveBean(RevocationUnavailableFilter.class);
			});
	}

	@Test
	void storeWhenInMemoryAndApplicationListThenStarterBacksOffAndParserConsultsApplicationList() {
		this.runner.withPropertyValues("joat.revocation.store=in-memory")
			.withUserConfiguration(ApplicationList.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(InMemoryRevocationStore.class);
				String token = context.getBean(TokenGenerator.class)
					.issueToken(TokenRequest.builder("abcd", List.of("read")).tokenId("revoked-by-app").build());
				assertThatExceptionOfType(InvalidTokenException.class)
					.isThrownBy(() -> context.getBean(TokenParser.class).parseToken(token))
					.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(InvalidTokenException.Reason.REVOKED));
			});
	}

	@Test
	void storeWhenNoneAndApplicationListThenParserConsultsIt() {
		this.runner.withUserConfiguration(ApplicationList.class).run((context) -> {
			String token = context.getBean(TokenGenerator.class)
				.issueToken(TokenRequest.builder("abcd", List.of("read")).tokenId("revoked-by-app").build());
			assertThatExceptionOfType(InvalidTokenException.class)
				.isThrownBy(() -> context.getBean(TokenParser.class).parseToken(token));
		});
	}

	@Test
	void storeWhenInMemoryAndApplicationStoreWithoutListThenStartupFails() {
		this.runner.withPropertyValues("joat.revocation.store=in-memory")
			.withUserConfiguration(ApplicationStoreOnly.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new JoatConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("joat.revocation.store=in-memory found a RevocationStore"
						+ " bean but no RevocationList bean: revocations would be recorded but never checked");
			});
	}

	@Test
	void storeWhenRedisAndNoRevocationListThenStartupFailsNamingPropertyAndDependency() {
		this.runner.withPropertyValues("joat.revocation.store=redis").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new JoatConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("joat is misconfigured:"
					+ " joat.revocation.store=redis needs a RevocationList bean from the joat-revocation-redis module,"
					+ " and there is none");
			assertThat(analysis.getAction()).isEqualTo("Add the dependency dev.joat:joat-revocation-redis and a Redis"
					+ " connection (spring.data.redis.*), or set joat.revocation.store=in-memory for a single node.");
		});
	}

	@Test
	void storeWhenRedisAndRevocationListBeanThenParserConsultsIt() {
		this.runner.withPropertyValues("joat.revocation.store=redis")
			.withUserConfiguration(ApplicationList.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(InMemoryRevocationStore.class);
				String token = context.getBean(TokenGenerator.class)
					.issueToken(TokenRequest.builder("abcd", List.of("read")).tokenId("revoked-by-app").build());
				assertThatExceptionOfType(InvalidTokenException.class)
					.isThrownBy(() -> context.getBean(TokenParser.class).parseToken(token));
			});
	}

	@Test
	void storeWhenUnknownValueThenStartupFails() {
		this.runner.withPropertyValues("joat.revocation.store=memcached")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void maxEntriesWhenNotPositiveThenStartupFailsNamingIt() {
		this.runner.withPropertyValues("joat.revocation.store=in-memory", "joat.revocation.max-entries=0")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new JoatConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).isEqualTo("joat is misconfigured:"
						+ " joat.revocation.max-entries must be positive; it is 0");
			});
	}

	@Test
	void maxStalenessWhenNotPositiveThenStartupFailsNamingIt() {
		this.runner.withPropertyValues("joat.revocation.max-staleness=0s").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new JoatConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("joat is misconfigured:"
					+ " joat.revocation.max-staleness must be a positive duration; it is"
					+ " PT0S");
		});
	}

	@Test
	void endpointWhenInMemoryStoreThenShowsKindBoundAndLiveEntryCountButNoEntry() {
		this.runner.withConfiguration(AutoConfigurations.of(JoatEndpointAutoConfiguration.class))
			.withPropertyValues("joat.revocation.store=in-memory", "management.endpoints.web.exposure.include=joat")
			.run((context) -> {
				JoatEndpoint endpoint = context.getBean(JoatEndpoint.class);
				assertThat(endpoint.configuration().revocation())
					.isEqualTo(new JoatConfigurationReport.RevocationStatus("in-memory", 0, 100_000, null, null));
				context.getBean(RevocationStore.class).revokeToken("secret-token-id", Instant.now().plusSeconds(600));
				assertThat(endpoint.configuration().revocation().entries()).isEqualTo(1);
				assertThat(endpoint.configuration().toString()).doesNotContain("secret-token-id");
			});
	}

	@Test
	void endpointWhenRedisStoreThenShowsStalenessBoundAndFailOpen() {
		this.runner.withConfiguration(AutoConfigurations.of(JoatEndpointAutoConfiguration.class))
			.withUserConfiguration(ApplicationList.class)
			.withPropertyValues("joat.revocation.store=redis", "joat.revocation.max-staleness=20s",
					"management.endpoints.web.exposure.include=joat")
			.run((context) -> assertThat(context.getBean(JoatEndpoint.class).configuration().revocation())
				.isEqualTo(new JoatConfigurationReport.RevocationStatus("redis", null, null, "PT20S", false)));
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationList {

		@Bean
		RevocationList applicationRevocationList() {
			return (tokenId, clientId, subject, issuedAt) -> tokenId.equals("revoked-by-app");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationStoreOnly {

		@Bean
		RevocationStore applicationRevocationStore() {
			return (revocation) -> {
			};
		}

	}

}
