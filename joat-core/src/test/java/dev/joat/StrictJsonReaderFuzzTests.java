package dev.joat;

import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential fuzzing of the hot-path JSON reader against Jackson: on every input,
 * {@link StrictJsonReader} gives exactly what Jackson's strict parser gives (same members, same
 * order, same values and number types), or it refuses. It may be stricter than Jackson, never
 * more lenient. Runs over its checked-in corpus in the normal build; see the README to fuzz.
 */
class StrictJsonReaderFuzzTests {

	@FuzzTest
	@Timeout(30)
	void readObjectWhenAnyBytesThenSameAsJacksonOrRefused(byte[] json) {
		Map<String, Object> strict;
		try {
			strict = StrictJsonReader.readObject(json, "payload");
		}
		catch (InvalidTokenException ex) {
			assertThat(ex.getReason()).isEqualTo(InvalidTokenException.Reason.MALFORMED);
			return;
		}
		Map<String, Object> jackson = JacksonJsonReader.readObject(json, "payload");
		assertThat(strict).isEqualTo(jackson);
		assertSameShape(strict, jackson);
	}

	/** Equal maps may still differ in member order or container types: compare those too. */
	private static void assertSameShape(Object strict, Object jackson) {
		if (strict == null) {
			assertThat(jackson).isNull();
			return;
		}
		assertThat(strict.getClass()).isEqualTo(jackson.getClass());
		if (strict instanceof Map<?, ?> strictMap) {
			Map<?, ?> jacksonMap = (Map<?, ?>) jackson;
			assertThat(List.copyOf(strictMap.keySet())).isEqualTo(List.copyOf(jacksonMap.keySet()));
			for (Object key : strictMap.keySet()) {
				assertSameShape(strictMap.get(key), jacksonMap.get(key));
			}
		}
		else if (strict instanceof List<?> strictList) {
			List<?> jacksonList = (List<?>) jackson;
			assertThat(strictList).hasSameSizeAs(jacksonList);
			for (int i = 0; i < strictList.size(); i++) {
				assertSameShape(strictList.get(i), jacksonList.get(i));
			}
		}
	}

}
