package dev.joat.sample;

import java.util.Arrays;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forwarded headers are trusted only when the operator says so: on a detected cloud platform
 * (here Kubernetes, as {@code KUBERNETES_SERVICE_HOST} makes Boot detect it), the sample's
 * {@code server.forward-headers-strategy: none} keeps Tomcat's {@link RemoteIpValve} out, so a
 * client's {@code X-Forwarded-For} never becomes its address; see
 * {@link SampleForwardedHeadersConfiguredTests} for the operator's setting winning.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "joat.secret=" + SampleApplicationTests.SECRET, "joat.issuer=" + SampleApplicationTests.ISSUER,
				"spring.main.cloud-platform=kubernetes", "management.server.port=0" })
class SampleForwardedHeadersTests {

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void startWhenCloudPlatformDetectedThenForwardedHeadersNotTrusted() throws Exception {
		assertThat(remoteIpValves(this.context)).isZero();
		RawHttp.Response response = RawHttp.send(this.context.getWebServer().getPort(), "127.0.0.1",
				"GET /api/me HTTP/1.1\r\nX-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Proto: https", null);
		assertThat(response.status()).isEqualTo(401);
	}

	static long remoteIpValves(WebServerApplicationContext context) {
		Valve[] valves = ((TomcatWebServer) context.getWebServer()).getTomcat().getEngine().getPipeline().getValves();
		return Arrays.stream(valves).filter(RemoteIpValve.class::isInstance).count();
	}

}
