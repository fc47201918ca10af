package dev.joat;

/**
 * Per-thread scratch space for one {@link TokenParser#verify(String)}: the token's bytes and its
 * decoded payload, so parsing a token allocates neither. Nothing read from the buffers outlives
 * the parse (strings and numbers are copied out), and a parse that starts while another is under
 * way on the same thread (a secret resolver that parses a token itself) gets fresh buffers.
 */
final class ParseBuffers {

	private static final ThreadLocal<ParseBuffers> PER_THREAD = ThreadLocal.withInitial(ParseBuffers::new);

	/** Buffers beyond this size are not kept between parses. */
	private static final int KEPT_CAPACITY = 16 * 1024;

	private byte[] token = new byte[1024];

	private byte[] payload = new byte[768];

	private boolean inUse;

	private ParseBuffers() {
	}

	/** This thread's buffers, or fresh ones when they are in use; give them back with {@link #release()}. */
	static ParseBuffers acquire() {
		ParseBuffers buffers = PER_THREAD.get();
		if (buffers.inUse) {
			return new ParseBuffers();
		}
		buffers.inUse = true;
		return buffers;
	}

	void release() {
		if (this.token.length > KEPT_CAPACITY) {
			this.token = new byte[1024];
		}
		if (this.payload.length > KEPT_CAPACITY) {
			this.payload = new byte[768];
		}
		this.inUse = false;
	}

	byte[] token(int length) {
		if (this.token.length < length) {
			this.token = new byte[length];
		}
		return this.token;
	}

	byte[] payload(int length) {
		if (this.payload.length < length) {
			this.payload = new byte[length];
		}
		return this.payload;
	}

}
