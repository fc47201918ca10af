package dev.joat.spring.boot;

import java.lang.reflect.InvocationTargetException;
import java.net.http.HttpResponse;
import java.util.List;

import dev.joat.TokenGenerator;
import dev.joat.readme.servlet.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's servlet application on a real Tomcat with {@code spring.threads.virtual.enabled=true}
 * (JDK 21+): the bearer token is verified and the request handled on a virtual thread, and the
 * starter's stateless chain still answers as the README says. The code compiles for Java 17, so
 * {@code Thread.isVirtual()} is called reflectively.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
@SpringBootTest(classes = Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.threads.virtual.enabled=true", "joat.issuer=My OAuth2 Provider",
				"joat.secret=" + JoatAutoConfigurationTests.SECRET })
@Import(VirtualThreadsTests.ThreadProbe.class)
class VirtualThreadsTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TokenGenerator generator;

	@Test
	void getWhenVirtualThreadsEnabledThenTokenVerifiedOnVirtualThread() throws Exception {
		String token = this.generator.issueToken("abcd", List.of("read"));
		HttpResponse<String> probe = HttpCalls.get(this.port, "/thread", token);
		assertThat(probe.statusCode()).isEqualTo(200);
		assertThat(probe.body()).isEqualTo("abcd on a virtual thread: true");
		HttpResponse<String> read = HttpCalls.get(this.port, "/read", token);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).isEqualTo("read by abcd");
		assertThat(read.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void getWhenVirtualThreadsEnabledThenRefusalsUnchanged() throws Exception {
		HttpResponse<String> noToken = HttpCalls.get(this.port, "/read", null);
		assertThat(noToken.statusCode()).isEqualTo(401);
		assertThat(noToken.headers().allValues("WWW-Authenticate"))
			.containsExactly("Bearer resource_metadata=\"" + HttpCalls.resourceMetadata(this.port) + "\"");
		assertThat(noToken.headers().allValues("Set-Cookie")).isEmpty();
		HttpResponse<String> noScope = HttpCalls.get(this.port, "/read", this.generator.issueToken("abcd", List.of("profile")));
		assertThat(noScope.statusCode()).isEqualTo(403);
	}

	/** Reports the principal and whether the request ran on a virtual thread. */
	@RestController
	static class ThreadProbe {

		@GetMapping("/thread")
		String thread(@AuthenticationPrincipal Jwt jwt) throws ReflectiveOperationException {
			return jwt.getSubject() + " on a virtual thread: " + isVirtual(Thread.currentThread());
		}

		private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
			try {
				return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
			}
			catch (InvocationTargetException ex) {
				throw new IllegalStateException(ex.getCause());
			}
		}

	}

}
