package dev.joat.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Logs one ready-to-paste {@code curl} command that fetches a token for the demo client once the
 * main server listens; the management server (its own port, server namespace {@code management})
 * serves no token endpoint, so its start logs nothing.
 */
@Component
class ReadyMessage implements ApplicationListener<WebServerInitializedEvent> {

	private static final Log logger = LogFactory.getLog(ReadyMessage.class);

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() != null) {
			return;
		}
		int port = event.getWebServer().getPort();
		logger.info("Get a token for the demo client: curl -s -u demo-client:demo-secret -d grant_type=client_credentials"
				+ " http://localhost:" + port + "/oauth2/token");
	}

}
