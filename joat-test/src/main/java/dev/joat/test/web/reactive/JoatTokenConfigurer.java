package dev.joat.test.web.reactive;

import dev.joat.test.JoatTestTokens;
import dev.joat.test.TokenSpec;
import reactor.core.publisher.Mono;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * Sends a real joat token, as {@code Authorization: Bearer}, with every request of a client;
 * made by {@link JoatWebTestClient#joatToken}. As a {@link WebTestClientConfigurer}:
 * {@code webTestClient.mutateWith(joatToken(context).scopes("read"))}; as an
 * {@link ExchangeFilterFunction}: {@code WebClient.builder().filter(joatToken(context))}. Each
 * request gets a newly minted token, replacing any {@code Authorization} header it had; when a
 * client is mutated twice, the later token wins. Describe the token before handing it over: the
 * client reads the description at each request, so it is not thread-safe to change it afterwards.
 */
public final class JoatTokenConfigurer extends TokenSpec<JoatTokenConfigurer>
		implements WebTestClientConfigurer, ExchangeFilterFunction {

	private final JoatTestTokens tokens;

	JoatTokenConfigurer(JoatTestTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public void afterConfigurerAdded(WebTestClient.Builder builder, WebHttpHandlerBuilder httpHandlerBuilder,
			ClientHttpConnector connector) {
		builder.filter(this);
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		String token = issueWith(this.tokens);
		return next.exchange(ClientRequest.from(request).headers((headers) -> headers.setBearerAuth(token)).build());
	}

}
