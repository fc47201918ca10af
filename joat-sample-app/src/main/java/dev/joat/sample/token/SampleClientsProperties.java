package dev.joat.sample.token;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OAuth 2.0 clients the sample's token endpoint knows ({@code joat.sample.clients}).
 */
@ConfigurationProperties("joat.sample")
public class SampleClientsProperties {

	/** Registered clients. */
	private List<Client> clients = new ArrayList<>();

	public List<Client> getClients() {
		return this.clients;
	}

	public void setClients(List<Client> clients) {
		this.clients = clients;
	}

	/** One registered client. */
	public static class Client {

		/** Client id. */
		private String id;

		/** Client secret, encoded for Spring Security's PasswordEncoder, e.g. "{bcrypt}$2a$10$...". */
		private String secret;

		/** Scopes the client may be granted. */
		private List<String> scopes = new ArrayList<>();

		/**
		 * Whether the client may introspect tokens issued to any client at /oauth2/introspect, as a
		 * resource server does; without it, a client learns only about its own tokens.
		 */
		private boolean introspection;

		public String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public String getSecret() {
			return this.secret;
		}

		public void setSecret(String secret) {
			this.secret = secret;
		}

		public List<String> getScopes() {
			return this.scopes;
		}

		public void setScopes(List<String> scopes) {
			this.scopes = scopes;
		}

		public boolean isIntrospection() {
			return this.introspection;
		}

		public void setIntrospection(boolean introspection) {
			this.introspection = introspection;
		}

		@Override
		public String toString() {
			return "Client[id=" + this.id + ", scopes=" + this.scopes + ", introspection=" + this.introspection + "]";
		}

	}

}
