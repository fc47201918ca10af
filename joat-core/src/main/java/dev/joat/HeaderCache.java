package dev.joat;

import java.util.Arrays;

/**
 * The checked headers of tokens that verified, by their exact encoded bytes. All tokens of one
 * issuer usually share one header segment, so a parser reads and checks it once instead of for
 * every token. Only headers of tokens whose signature verified are added, so a sender without the
 * secret cannot fill the cache; it holds at most {@value #CAPACITY} headers and then stops adding.
 * Thread-safe: readers see an immutable array, writers replace it.
 */
final class HeaderCache {

	static final int CAPACITY = 16;

	private volatile Entry[] entries = new Entry[0];

	/** The checked header whose encoding is {@code ascii[0, length)}, or {@code null}. */
	JoseHeader find(byte[] ascii, int length) {
		for (Entry entry : this.entries) {
			if (entry.encoded.length == length && Arrays.equals(entry.encoded, 0, length, ascii, 0, length)) {
				return entry.header;
			}
		}
		return null;
	}

	/** Remembers {@code header} as the checked form of {@code ascii[0, length)}. */
	synchronized void add(byte[] ascii, int length, JoseHeader header) {
		Entry[] current = this.entries;
		if (current.length >= CAPACITY || find(ascii, length) != null) {
			return;
		}
		Entry[] grown = Arrays.copyOf(current, current.length + 1);
		grown[current.length] = new Entry(Arrays.copyOf(ascii, length), header);
		this.entries = grown;
	}

	private record Entry(byte[] encoded, JoseHeader header) {
	}

}
