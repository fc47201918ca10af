package dev.joat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

/**
 * Differential fuzzing of the hot-path JSON reader against Jackson, in both directions: on every
 * input, {@link StrictJsonReader} and Jackson configured strictly ({@link JacksonOracle}) both
 * refuse, or both accept with the same members, order, values and number types. The reader may
 * refuse what Jackson accepts only for one of the deliberate refusals that {@code SECURITY.md}
 * lists ({@link JacksonOracle.DeliberateRefusal}), with the message that names it; any other
 * disagreement — a wrong refusal, a wrong acceptance or a different value — fails. Runs over its
 * checked-in corpus in the normal build; see the README to fuzz.
 */
class StrictJsonReaderFuzzTests {

	@FuzzTest
	@Timeout(30)
	void readObjectWhenAnyBytesThenSameAsJacksonOrADeliberateRefusal(byte[] json) {
		JacksonOracle.compare(json);
	}

}
