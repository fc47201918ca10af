package dev.joat;

/**
 * Scratch space for one {@link TokenParser#verify(String)}: the split token, the decoded payload
 * and signature, the copies of their segments that the JDK's base64 decoder reads, and a JSON
 * reader, so decoding a token allocates nothing. The buffers come from a {@link SlotPool} shared by all
 * threads, so a fresh virtual thread per request reuses them as a warm platform thread does, and
 * their number stays bounded however many threads there are. Nothing read from the buffers
 * outlives the parse (strings and numbers are copied out), and a parse that starts while another
 * is under way on the same thread (a secret resolver that parses a token itself) gets other
 * buffers.
 */
final class ParseBuffers extends SlotPool.Member {

	private static final SlotPool<ParseBuffers> POOL = new SlotPool<>(ParseBuffers::new);

	/** Buffers beyond this size are not kept between parses. */
	private static final int KEPT_CAPACITY = 16 * 1024;

	private static final byte[] EMPTY = new byte[0];

	private byte[] payload = new byte[768];

	private byte[] payloadSegment = EMPTY;

	private byte[] signatureSegment = EMPTY;

	private byte[] signature = EMPTY;

	private final StrictJsonReader reader = new StrictJsonReader();

	private final CompactJws jws = new CompactJws();

	private ParseBuffers() {
	}

	/** Idle buffers from the pool, or fresh ones; give them back with {@link #release()}. */
	static ParseBuffers acquire() {
		return POOL.acquire();
	}

	/** Buffers of its own for a caller outside {@link #acquire()}'s reuse, such as a test. */
	static ParseBuffers unshared() {
		return new ParseBuffers();
	}

	/** Gives these buffers back to the pool: the caller must not use them afterwards. */
	void release() {
		this.jws.clear();
		if (this.payload.length > KEPT_CAPACITY) {
			this.payload = new byte[768];
		}
		if (this.payloadSegment.length > KEPT_CAPACITY) {
			this.payloadSegment = EMPTY;
		}
		if (this.signatureSegment.length > KEPT_CAPACITY) {
			this.signatureSegment = EMPTY;
		}
		if (this.signature.length > KEPT_CAPACITY) {
			this.signature = EMPTY;
		}
		POOL.release(this);
	}

	/** The split token of this parse, refilled by {@link CompactJws#split(String, int, ParseBuffers)}. */
	CompactJws jws() {
		return this.jws;
	}

	/** A JSON reader for this parse. */
	StrictJsonReader reader() {
		return this.reader;
	}

	/** An array of at least {@code length} bytes for the decoded payload. */
	byte[] payload(int length) {
		if (this.payload.length < length) {
			this.payload = new byte[length];
		}
		return this.payload;
	}

	/** An array of exactly {@code length} bytes for the payload segment. */
	byte[] payloadSegment(int length) {
		this.payloadSegment = exactly(this.payloadSegment, length);
		return this.payloadSegment;
	}

	/** An array of exactly {@code length} bytes for the signature segment. */
	byte[] signatureSegment(int length) {
		this.signatureSegment = exactly(this.signatureSegment, length);
		return this.signatureSegment;
	}

	/** An array of exactly {@code length} bytes for the decoded signature. */
	byte[] signature(int length) {
		this.signature = exactly(this.signature, length);
		return this.signature;
	}

	/** {@code array} when it has {@code length} bytes, else a new array that has. */
	private static byte[] exactly(byte[] array, int length) {
		return (array.length == length) ? array : new byte[length];
	}

}
