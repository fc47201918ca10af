package dev.joat;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object as read from a token: an unmodifiable map in document order whose backing map
 * never escapes, so holders such as {@link Credentials} can keep it without a defensive copy.
 */
final class ReadOnlyJsonObject extends AbstractMap<String, Object> {

	private final Map<String, Object> members;

	/** Takes ownership of {@code members}: the caller must not keep or change it. */
	ReadOnlyJsonObject(LinkedHashMap<String, Object> members) {
		this.members = Collections.unmodifiableMap(members);
	}

	@Override
	public Object get(Object key) {
		return this.members.get(key);
	}

	@Override
	public boolean containsKey(Object key) {
		return this.members.containsKey(key);
	}

	@Override
	public int size() {
		return this.members.size();
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		return this.members.entrySet();
	}

}
