package dev.joat.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.joat.benchmarks.stock.StockResourceServer;
import dev.joat.sample.SampleApplication;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.GenericWebApplicationContext;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * {@code GET /api/read} through the whole servlet filter chain and Spring MVC, in one thread and
 * without a socket: the application's context with a mock servlet context, driven by
 * {@link MockMvc} with every filter the application registers (Spring Boot's own, as
 * {@code @AutoConfigureMockMvc} adds them: the HTTP server observation, Spring Security's filter
 * chains, joat's and the sample's filters, each on its URL patterns). Per-request work that an
 * application adds to the chain (a filter, an observation, a look-up) shows up here as time and
 * bytes per request, which the end-to-end load test can only show as fewer requests per second on
 * a noisy machine.
 *
 * <p>{@code app}: {@code sample} is the joat sample as shipped (its {@code application.yml});
 * {@code sample-observed} the same with Spring Security's observations back on
 * ({@code management.observations.enable.spring.security=true}, what the sample did before);
 * {@code stock} the stock Spring Boot resource server ({@link StockResourceServer}). All verify the
 * same HS256 token with the same secret and issuer; the setup checks that each answers 200 to it and
 * 401 to the same token with its signature changed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch" })
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
public class FilterChain {

	static final String SECRET = "filter-chain-benchmark-secret-of-32-bytes";

	static final String ISSUER = "http://localhost:8080";

	static final String CLIENT_ID = "demo-client";

	/** The application behind the filter chain. */
	@Param({ "sample", "sample-observed", "stock" })
	public String app;

	private ConfigurableApplicationContext context;

	private MockMvc mockMvc;

	private String authorization;

	/** Starts the application, and checks that it accepts the token and refuses a changed one. */
	@Setup
	public void setUp() throws Exception {
		this.context = start(this.app);
		DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup((WebApplicationContext) this.context);
		SpringBootMockMvcBuilderCustomizer filters = new SpringBootMockMvcBuilderCustomizer(
				(WebApplicationContext) this.context);
		filters.setPrint(MockMvcPrint.NONE);
		filters.customize(builder);
		this.mockMvc = builder.build();
		String token = token();
		this.authorization = "Bearer " + token;
		int status = read().getResponse().getStatus();
		String signature = token.substring(token.lastIndexOf('.') + 1);
		String changed = token.substring(0, token.lastIndexOf('.') + 1) + (signature.startsWith("A") ? "B" : "A")
				+ signature.substring(1);
		int refused = this.mockMvc.perform(get("/api/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + changed))
			.andReturn()
			.getResponse()
			.getStatus();
		if (status != 200 || refused != 401) {
			throw new IllegalStateException(this.app + ": GET /api/read answered " + status
					+ " to the token and " + refused + " to the changed one, not 200 and 401");
		}
	}

	/** Closes the application. */
	@TearDown
	public void tearDown() {
		this.context.close();
	}

	/**
	 * One request through the filters, the security chain, the controller and the JSON writer.
	 * @return the result, for JMH to consume
	 * @throws Exception never, for a valid token
	 */
	@Benchmark
	public MvcResult read() throws Exception {
		return this.mockMvc.perform(get("/api/read").header(HttpHeaders.AUTHORIZATION, this.authorization)).andReturn();
	}

	/**
	 * Starts one of the applications in a mock servlet context (no web server, no management server).
	 * @param app {@code sample}, {@code sample-observed} or {@code stock}
	 * @return the running application's context
	 */
	static ConfigurableApplicationContext start(String app) {
		// As command-line arguments, which override the applications' own configuration files.
		List<String> args = new ArrayList<>();
		SpringApplicationBuilder builder = switch (app) {
			case "sample", "sample-observed" -> {
				args.addAll(List.of("--joat.secret=" + SECRET, "--joat.issuer=" + ISSUER,
						"--management.observations.enable.spring.security=" + app.equals("sample-observed")));
				if (app.equals("sample-observed")) {
					args.add("--management.metrics.observations.ignored-meters=");
				}
				yield new SpringApplicationBuilder(SampleApplication.class);
			}
			case "stock" -> {
				args.addAll(List.of("--stock.secret=" + SECRET, "--stock.issuer=" + ISSUER,
						"--spring.autoconfigure.exclude=" + joatAutoConfigurations()));
				yield StockResourceServer.application();
			}
			default -> throw new IllegalArgumentException("Unknown application " + app);
		};
		// This class path's SLF4J provider is slf4j-nop (for jose4j), which Spring Boot's Logback
		// logging system refuses: the applications log nothing here.
		System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
		return builder
			.contextFactory(ApplicationContextFactory.of(() -> new GenericWebApplicationContext(new MockServletContext())))
			.run(args.toArray(String[]::new));
	}

	/**
	 * The joat starter's auto-configurations, which the stock server must not get from this class
	 * path (its own jar holds nothing of joat).
	 */
	private static String joatAutoConfigurations() {
		return ImportCandidates.load(AutoConfiguration.class, FilterChain.class.getClassLoader())
			.getCandidates()
			.stream()
			.filter((name) -> name.startsWith("dev.joat."))
			.collect(Collectors.joining(","));
	}

	/** The sample's token layout for the demo client, HS256 with the shared secret. */
	private static String token() {
		String payload = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + CLIENT_ID + "\",\"aud\":\"" + CLIENT_ID
				+ "\",\"client_id\":\"" + CLIENT_ID + "\",\"scp\":[\"read\",\"profile\"],\"iat\":"
				+ BenchmarkTokens.ISSUED_AT + ",\"exp\":" + BenchmarkTokens.EXPIRES_AT + "}";
		return BenchmarkTokens.sign(SECRET.getBytes(StandardCharsets.UTF_8), payload);
	}

}
