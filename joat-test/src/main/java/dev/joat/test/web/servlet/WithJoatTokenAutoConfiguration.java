package dev.joat.test.web.servlet;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcConfigurer;
import org.springframework.web.context.WebApplicationContext;

/**
 * Applies {@link WithJoatToken} to the MockMvc that {@code @WebMvcTest} and
 * {@code @AutoConfigureMockMvc} build. Imported only through joat-test's
 * {@code AutoConfigureMockMvc.imports}, so only into test contexts with MockMvc; never into a
 * running application.
 */
@AutoConfiguration
@ConditionalOnClass(MockMvcBuilderCustomizer.class)
public final class WithJoatTokenAutoConfiguration {

	/** Created by Spring Boot's auto-configuration import. */
	public WithJoatTokenAutoConfiguration() {
	}

	/**
	 * Adds to every request of the test MockMvc a token described by the running test's
	 * {@link WithJoatToken}, when it has one and the request carries no {@code Authorization}.
	 * @return the customizer
	 */
	@Bean
	MockMvcBuilderCustomizer joatWithJoatTokenMockMvcCustomizer() {
		return (builder) -> builder.apply(new WithJoatTokenConfigurer());
	}

	private static final class WithJoatTokenConfigurer implements MockMvcConfigurer {

		@Override
		public RequestPostProcessor beforeMockMvcCreated(ConfigurableMockMvcBuilder<?> builder,
				WebApplicationContext context) {
			// Runs before each request's own post-processors: .with(joatToken()...) replaces this token.
			return (request) -> {
				WithJoatToken annotation = WithJoatTokenTestExecutionListener.current();
				if (annotation == null || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
					return request;
				}
				JoatTokenRequestPostProcessor token = JoatMockMvc.joatToken().clientId(annotation.clientId())
					.scopes(annotation.scopes());
				if (!annotation.subject().isEmpty()) {
					token.subject(annotation.subject());
				}
				return token.postProcessRequest(request);
			};
		}

	}

}
