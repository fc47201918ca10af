package dev.joat;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A JSON object as read from a token: an unmodifiable map in document order, kept as two arrays
 * that never escape, so holders such as {@link Credentials} can keep it without a defensive copy.
 * Token objects are small (a claims set has fewer than a dozen members), so look-ups scan the
 * names; the reader refuses duplicate names before the object is built.
 */
final class ReadOnlyJsonObject extends AbstractMap<String, Object> {

	private final String[] names;

	private final Object[] values;

	private final int size;

	private Set<Entry<String, Object>> entrySet;

	/** Takes ownership of the arrays: the caller must not keep or change them. */
	ReadOnlyJsonObject(String[] names, Object[] values, int size) {
		this.names = names;
		this.values = values;
		this.size = size;
	}

	/** A read-only copy of {@code members}, in their iteration order. */
	static ReadOnlyJsonObject copyOf(Map<String, Object> members) {
		String[] names = new String[members.size()];
		Object[] values = new Object[members.size()];
		int i = 0;
		for (Map.Entry<String, Object> member : members.entrySet()) {
			names[i] = member.getKey();
			values[i] = member.getValue();
			i++;
		}
		return new ReadOnlyJsonObject(names, values, i);
	}

	/** The name of member {@code index}, in document order. */
	String nameAt(int index) {
		return this.names[index];
	}

	/** The value of member {@code index}, in document order. */
	Object valueAt(int index) {
		return this.values[index];
	}

	private int indexOf(Object name) {
		for (int i = 0; i < this.size; i++) {
			if (this.names[i].equals(name)) {
				return i;
			}
		}
		return -1;
	}

	@Override
	public Object get(Object key) {
		int index = indexOf(key);
		return (index >= 0) ? this.values[index] : null;
	}

	@Override
	public Object getOrDefault(Object key, Object defaultValue) {
		int index = indexOf(key);
		return (index >= 0) ? this.values[index] : defaultValue;
	}

	@Override
	public boolean containsKey(Object key) {
		return indexOf(key) >= 0;
	}

	@Override
	public int size() {
		return this.size;
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		if (this.entrySet == null) {
			this.entrySet = new Entries();
		}
		return this.entrySet;
	}

	private final class Entries extends AbstractSet<Entry<String, Object>> {

		@Override
		public Iterator<Entry<String, Object>> iterator() {
			return new Iterator<>() {

				private int next;

				@Override
				public boolean hasNext() {
					return this.next < ReadOnlyJsonObject.this.size;
				}

				@Override
				public Entry<String, Object> next() {
					if (!hasNext()) {
						throw new NoSuchElementException();
					}
					int index = this.next++;
					return new SimpleImmutableEntry<>(ReadOnlyJsonObject.this.names[index],
							ReadOnlyJsonObject.this.values[index]);
				}

			};
		}

		@Override
		public int size() {
			return ReadOnlyJsonObject.this.size;
		}

	}

}
