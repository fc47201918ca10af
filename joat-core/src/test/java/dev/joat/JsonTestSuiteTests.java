package dev.joat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSONTestSuite parsing corpus ({@code src/test/resources/json-test-suite/}, MIT) through
 * {@link StrictJsonReader}, each file read the way {@code TokenParser} reads a JWT payload, with
 * Jackson beside it ({@link JacksonOracle#compare(byte[])}: any disagreement must be a deliberate
 * refusal). Every {@code y_} file whose top level is an object is accepted; every other {@code y_}
 * file is refused as not an object, by design (a JWT segment is an object), and its value is
 * accepted as the value of a member; the few exceptions, each a deliberate refusal, are listed in
 * {@link #YES_FILES_REFUSED}. Every {@code n_} file is refused, as it is and wrapped. What the
 * reader does with each {@code i_} file is listed in {@code json-test-suite/joat-expectations.txt}.
 */
class JsonTestSuiteTests {

	private static final Path CORPUS = corpus();

	private static final String PAYLOAD = "Malformed token: the payload ";

	/**
	 * The {@code y_} files refused even as a member's value, each for a deliberate reason: the
	 * problem the refusal names.
	 */
	private static final Map<String, String> YES_FILES_REFUSED = Map.of(
			// -0.000…1, 81 characters: the 64-character limit (Jackson reads it)
			"y_number_double_close_to_zero.json", "has a number longer than 64 characters",
			// RFC 8259 lets names repeat; RFC 7515 §5.2 lets JWT readers refuse them (Jackson strict does too)
			"y_object_duplicated_key.json", "has a duplicate member name",
			"y_object_duplicated_key_and_value.json", "has a duplicate member name");

	@ParameterizedTest(name = "{0}")
	@MethodSource("yesFiles")
	void readObjectWhenMustAcceptFileThenObjectAcceptedAndOtherValuesAcceptedAsAMember(String name) throws IOException {
		byte[] json = Files.readAllBytes(CORPUS.resolve(name));
		JacksonOracle.Comparison asItIs = JacksonOracle.compare(json);
		JacksonOracle.Comparison wrapped = JacksonOracle.compare(wrapped(json));
		String refusal = YES_FILES_REFUSED.get(name);
		if (!startsWithObject(json)) {
			assertThat(asItIs.strictMessage()).isEqualTo(PAYLOAD + "is not a JSON object");
			assertThat(asItIs.deliberate()).contains(JacksonOracle.DeliberateRefusal.NOT_AN_OBJECT);
		}
		else if (refusal != null) {
			assertThat(asItIs.strictMessage()).isEqualTo(PAYLOAD + refusal);
		}
		else {
			assertThat(asItIs.strictAccepted()).isTrue();
		}
		if (refusal != null) {
			assertThat(wrapped.strictMessage()).as("%s as a member's value", name).isEqualTo(PAYLOAD + refusal);
		}
		else {
			assertThat(wrapped.strictAccepted()).as("%s as a member's value", name).isTrue();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("noFiles")
	void readObjectWhenMustRefuseFileThenRefusedAsItIsAndWrapped(String name) throws IOException {
		byte[] json = Files.readAllBytes(CORPUS.resolve(name));
		assertThat(JacksonOracle.compare(json).strictAccepted()).isFalse();
		assertThat(JacksonOracle.compare(wrapped(json)).strictAccepted()).as("%s as a member's value", name).isFalse();
	}

	@Test
	void readObjectWhenImplementationDefinedFilesThenAsListed() throws IOException {
		List<String> actual = files("i_").map(JsonTestSuiteTests::outcomes).toList();
		Path report = Path.of("target", "json-test-suite-outcomes.txt");
		Files.createDirectories(report.getParent());
		Files.write(report, actual);
		List<String> listed;
		try (Stream<String> lines = new String(
				Objects.requireNonNull(getClass().getResourceAsStream("/json-test-suite/joat-expectations.txt"))
					.readAllBytes(),
				StandardCharsets.UTF_8)
			.lines()) {
			listed = lines.filter((line) -> !line.isBlank() && !line.startsWith("#")).toList();
		}
		assertThat(actual).as("what the reader does with each i_ file (this run's list: %s)", report.toAbsolutePath())
			.containsExactlyElementsOf(listed);
	}

	@Test
	void corpusWhenCopiedThenComplete() {
		assertThat(files("y_").count()).isEqualTo(95);
		assertThat(files("n_").count()).isEqualTo(188);
		assertThat(files("i_").count()).isEqualTo(35);
	}

	/** {@code name | as it is | wrapped}, each outcome {@code accepted} or the refusal's problem. */
	private static String outcomes(String name) {
		try {
			byte[] json = Files.readAllBytes(CORPUS.resolve(name));
			return name + " | " + outcome(json) + " | " + outcome(wrapped(json));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String outcome(byte[] json) {
		JacksonOracle.Comparison comparison = JacksonOracle.compare(json);
		if (comparison.strictAccepted()) {
			return "accepted";
		}
		String problem = comparison.strictMessage().substring("Malformed token: the payload ".length());
		return comparison.jacksonAccepted() ? problem + " (Jackson reads it: " + comparison.deliberate() + ")" : problem;
	}

	/** Whether the first byte that is not JSON whitespace is an opening brace. */
	private static boolean startsWithObject(byte[] json) {
		for (byte b : json) {
			if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
				return b == '{';
			}
		}
		return false;
	}

	/** The file's content as the value of a member: {@code {"v":…}}. */
	private static byte[] wrapped(byte[] json) {
		byte[] prefix = "{\"v\":".getBytes(StandardCharsets.US_ASCII);
		byte[] wrapped = new byte[prefix.length + json.length + 1];
		System.arraycopy(prefix, 0, wrapped, 0, prefix.length);
		System.arraycopy(json, 0, wrapped, prefix.length, json.length);
		wrapped[wrapped.length - 1] = '}';
		return wrapped;
	}

	static Stream<String> yesFiles() {
		return files("y_");
	}

	static Stream<String> noFiles() {
		return files("n_");
	}

	private static Stream<String> files(String prefix) {
		try (Stream<Path> files = Files.list(CORPUS)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.startsWith(prefix) && name.endsWith(".json"))
				.sorted()
				.collect(Collectors.toList())
				.stream();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path corpus() {
		try {
			return Path.of(Objects.requireNonNull(JsonTestSuiteTests.class.getResource("/json-test-suite/test_parsing"),
					"the JSONTestSuite corpus on the test class path")
				.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
