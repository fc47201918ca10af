package dev.joat.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.joat.InvalidTokenException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The site's security page (docs/pages/security.md) has a row for every refusal reason, and no other. */
class SecurityPageTests {

	@Test
	void refusalReasonsTableWhenReadThenOneRowPerReason() throws IOException {
		String page = Files.readString(Path.of("..", "docs", "pages", "security.md"));
		String table = page.substring(page.indexOf("## Refusal reasons"));
		for (Reason reason : Reason.values()) {
			assertThat(table).as("docs/pages/security.md has a row for %s", reason).contains("| `" + reason + "` |");
		}
		long rows = table.lines().takeWhile((line) -> !line.startsWith("`SecurityPageTests`"))
			.filter((line) -> line.startsWith("| `")).count();
		assertThat(rows).as("rows of the refusal reasons table").isEqualTo(Reason.values().length);
	}

}
