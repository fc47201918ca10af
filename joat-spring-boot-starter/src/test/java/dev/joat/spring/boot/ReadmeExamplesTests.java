package dev.joat.spring.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application README.md shows under "A protected app" is a test source of this module
 * ({@code dev.joat.readme.servlet.Application}, run by {@link ReadmeServletApplicationTests}): the
 * java block after the {@code <!-- example: NAME (ReadmeExamplesTests) -->} marker must be that
 * source, exactly, from its first {@code import} on (tabs shown as four spaces), so the two cannot
 * drift. The site's pages include that source and its WebFlux twin
 * ({@code dev.joat.readme.reactive.Application}, run by {@link ReadmeReactiveApplicationTests})
 * from the files themselves (docs/build.sh).
 */
class ReadmeExamplesTests {

	private static final Path README = Path.of("..", "README.md");

	private static final Path TEST_SOURCES = Path.of("src", "test", "java");

	@ParameterizedTest
	@CsvSource("servlet, dev/joat/readme/servlet/Application.java")
	void readmeWhenReadThenShowsTheTestedApplicationVerbatim(String example, String source) throws IOException {
		String shown = exampleBlock(Files.readString(README), example);
		assertThat(shown).isEqualTo(asShown(Files.readString(TEST_SOURCES.resolve(source))));
	}

	/** The fenced block that follows the example's marker, without its fences. */
	private static String exampleBlock(String readme, String example) {
		String marker = "<!-- example: " + example + " (ReadmeExamplesTests) -->\n```java\n";
		int start = readme.indexOf(marker);
		assertThat(start).as("README.md has the marker of example '%s' followed by a java block", example)
			.isNotNegative();
		int bodyStart = start + marker.length();
		int end = readme.indexOf("\n```\n", bodyStart);
		assertThat(end).as("the java block of example '%s' is closed", example).isPositive();
		return readme.substring(bodyStart, end + 1);
	}

	/** The source from its first import on, tabs as four spaces. */
	private static String asShown(String source) {
		List<String> lines = source.lines().dropWhile((line) -> !line.startsWith("import ")).toList();
		StringBuilder text = new StringBuilder();
		for (String line : lines) {
			text.append(line.replace("\t", "    ")).append('\n');
		}
		return text.toString();
	}

}
