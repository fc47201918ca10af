package dev.joat.spring.boot;

import java.util.List;

import dev.joat.InvalidTokenException;
import dev.joat.TokenIssuanceListener;
import dev.joat.TokenProfile;
import dev.joat.TokenVerificationListener;

/**
 * The listener beans of an application as the one listener a parser or generator takes: each is
 * told, in order. {@code null} when there is none, so that the parser calls nothing.
 */
final class TokenListeners {

	private TokenListeners() {
	}

	static TokenVerificationListener verification(List<TokenVerificationListener> listeners) {
		if (listeners.isEmpty()) {
			return null;
		}
		if (listeners.size() == 1) {
			return listeners.get(0);
		}
		List<TokenVerificationListener> all = List.copyOf(listeners);
		return new TokenVerificationListener() {

			@Override
			public void tokenAccepted(String keyId) {
				for (TokenVerificationListener listener : all) {
					listener.tokenAccepted(keyId);
				}
			}

			@Override
			public void tokenRefused(InvalidTokenException.Reason reason, String keyId) {
				for (TokenVerificationListener listener : all) {
					listener.tokenRefused(reason, keyId);
				}
			}

		};
	}

	static TokenIssuanceListener issuance(List<TokenIssuanceListener> listeners) {
		if (listeners.isEmpty()) {
			return null;
		}
		List<TokenIssuanceListener> all = List.copyOf(listeners);
		return (all.size() == 1) ? all.get(0) : (String algorithm, String keyId, TokenProfile profile) -> {
			for (TokenIssuanceListener listener : all) {
				listener.tokenIssued(algorithm, keyId, profile);
			}
		};
	}

}
