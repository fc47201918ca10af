package dev.joat.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's {@code server.forward-headers-strategy=native} wins over the sample's
 * {@code none}: Tomcat's {@code RemoteIpValve} is in place (the control of
 * {@link SampleForwardedHeadersTests}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "joat.secret=" + SampleApplicationTests.SECRET, "joat.issuer=" + SampleApplicationTests.ISSUER,
				"server.forward-headers-strategy=native", "management.server.port=0" })
class SampleForwardedHeadersConfiguredTests {

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void startWhenOperatorSetsNativeThenForwardedHeadersTrusted() {
		assertThat(SampleForwardedHeadersTests.remoteIpValves(this.context)).isEqualTo(1);
	}

}
