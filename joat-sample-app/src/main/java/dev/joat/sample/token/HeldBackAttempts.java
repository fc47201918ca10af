package dev.joat.sample.token;

import java.io.IOException;
import java.time.Duration;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.joat.spring.boot.JoatConfigurationException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Holds back attempts over a failure limit ({@link ClientAuthenticator#holdsBack}) for
 * {@code refusal-delay} without holding a thread (servlet async processing), then checks their
 * secrets one at a time, in the order their delays end, on one thread of its own
 * ({@link ClientAuthenticator#authenticateHeldBack}). A right secret is dispatched to its
 * endpoint again, where the secret, now proven, authenticates at once: a limit delays a right
 * secret, never refuses it. A wrong one is answered with the refusal and {@code Connection: close}.
 *
 * <p>A client that sends its next attempt only once the last one is answered (any HTTP client
 * with a fixed number of connections) makes at most one attempt per connection and delay, and
 * all of them together at most one slow secret check at a time, whatever the number of
 * connections: at most {@code max-delayed-refusals} attempts are held at once, and the others
 * wait, without a thread, in arrival order until one of them is answered. An attempt not
 * answered {@code refusal-delay} + 60 s after it arrived is answered 503 with
 * {@code Retry-After}. Thread-safe.
 */
@Component
class HeldBackAttempts implements DisposableBean {

	private static final Log logger = LogFactory.getLog(HeldBackAttempts.class);

	/** How much longer than the delay an attempt may wait for its slot and its check. */
	private static final long TIMEOUT_MARGIN_MILLIS = 60_000;

	private static final Duration MAX_DELAY = Duration.ofSeconds(10);

	private static final TokenRequestException TIMED_OUT = TokenRequestException.busy("The server is busy; retry later",
			Duration.ofSeconds(1));

	private final ClientAuthenticator authenticator;

	private final Duration delay;

	private final int maxHeld;

	private final Semaphore slots;

	private final Queue<Attempt> waitingForSlot = new ConcurrentLinkedQueue<>();

	private final Set<Attempt> unanswered = ConcurrentHashMap.newKeySet();

	private final ScheduledThreadPoolExecutor checker;

	HeldBackAttempts(ClientAuthenticator authenticator, ClientAuthenticationProperties properties) {
		this.authenticator = authenticator;
		this.delay = properties.getRefusalDelay();
		if (this.delay == null || this.delay.isNegative() || this.delay.compareTo(MAX_DELAY) > 0) {
			throw new JoatConfigurationException("joat.sample.client-authentication.refusal-delay",
					"must be between 0 and 10s", "Set it to how long an attempt over a limit is held back, e.g. 1s, or 0");
		}
		this.maxHeld = properties.getMaxDelayedRefusals();
		if (this.maxHeld < 1) {
			throw new JoatConfigurationException("joat.sample.client-authentication.max-delayed-refusals",
					"must be at least 1, not " + this.maxHeld, "Set it to a positive number, e.g. 1000");
		}
		this.slots = new Semaphore(this.maxHeld);
		this.checker = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "token-endpoint-held-back-attempts");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Holds {@code request} back, then checks {@code credentials} and either dispatches the
	 * request again (a right secret) or answers it with the refusal (a wrong one).
	 * @param credentials the credentials the request presents
	 * @param request a request over a failure limit, supporting async processing, not yet answered
	 * @param response its response, not committed
	 */
	void holdBack(ClientCredentials credentials, HttpServletRequest request, HttpServletResponse response) {
		AsyncContext async = request.startAsync(request, response);
		async.setTimeout(this.delay.toMillis() + TIMEOUT_MARGIN_MILLIS);
		Attempt attempt = new Attempt(credentials, request.getRemoteAddr(), async);
		async.addListener(attempt);
		this.unanswered.add(attempt);
		this.waitingForSlot.add(attempt);
		startWaiting();
	}

	/** The number of attempts held now (waiting for the delay or for their check). */
	int held() {
		return this.maxHeld - this.slots.availablePermits();
	}

	/** The number of attempts waiting for one of the {@code max-delayed-refusals} slots. */
	int waitingForSlot() {
		return this.waitingForSlot.size();
	}

	/** Answers every unanswered attempt 503 at once and stops the checker. */
	@Override
	public void destroy() {
		this.checker.shutdownNow();
		for (Attempt attempt : this.unanswered) {
			attempt.refuse(TIMED_OUT);
		}
	}

	/** Gives free slots to the attempts that wait for one, in arrival order. */
	private void startWaiting() {
		while (!this.waitingForSlot.isEmpty() && this.slots.tryAcquire()) {
			Attempt next = this.waitingForSlot.poll();
			if (next == null) {
				this.slots.release();
			}
			else {
				next.slotHeld.set(true);
				try {
					this.checker.schedule(next, this.delay.toNanos(), TimeUnit.NANOSECONDS);
				}
				catch (RejectedExecutionException ex) {
					// Shutting down (destroy): answered at once.
					next.refuse(TIMED_OUT);
				}
			}
		}
	}

	private static void write(TokenRequestException refusal, HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.CONNECTION, "close");
		TokenErrorResponse.write(refusal, response);
	}

	/** A held-back attempt: answered once, by its check, or when the container gives up on it. */
	private final class Attempt implements Runnable, AsyncListener {

		private final ClientCredentials credentials;

		private final String remoteAddress;

		private final AsyncContext async;

		private final AtomicBoolean done = new AtomicBoolean();

		final AtomicBoolean slotHeld = new AtomicBoolean();

		Attempt(ClientCredentials credentials, String remoteAddress, AsyncContext async) {
			this.credentials = credentials;
			this.remoteAddress = remoteAddress;
			this.async = async;
		}

		/** The delay is over: checks the secret, then dispatches or refuses. */
		@Override
		public void run() {
			if (this.done.get()) {
				releaseSlot();
				return;
			}
			TokenRequestException refusal = null;
			try {
				HeldBackAttempts.this.authenticator.authenticateHeldBack(this.credentials, this.remoteAddress);
			}
			catch (TokenRequestException ex) {
				refusal = ex;
			}
			if (refusal != null) {
				refuse(refusal);
			}
			else if (this.done.compareAndSet(false, true)) {
				try {
					this.async.dispatch();
				}
				catch (IllegalStateException ex) {
					logger.debug("A held-back attempt could not be dispatched: the client has gone");
				}
				finally {
					ended();
				}
			}
		}

		/** Answers {@code refusal}, unless the attempt was answered already. */
		void refuse(TokenRequestException refusal) {
			if (!this.done.compareAndSet(false, true)) {
				return;
			}
			try {
				write(refusal, (HttpServletResponse) this.async.getResponse());
			}
			catch (IOException | IllegalStateException ex) {
				logger.debug("A held-back attempt could not be answered: the client has gone");
			}
			finally {
				try {
					this.async.complete();
				}
				catch (IllegalStateException ex) {
					// Already completed by the container (the client has gone).
				}
				ended();
			}
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			refuse(TIMED_OUT);
		}

		@Override
		public void onError(AsyncEvent event) {
			if (this.done.compareAndSet(false, true)) {
				try {
					this.async.complete();
				}
				catch (IllegalStateException ex) {
					// Already completed by the container (the client has gone).
				}
				ended();
			}
		}

		@Override
		public void onComplete(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

		private void ended() {
			HeldBackAttempts.this.unanswered.remove(this);
			HeldBackAttempts.this.waitingForSlot.remove(this);
			releaseSlot();
		}

		/** Gives the slot back once, if this attempt got one; the next waiting attempt takes it. */
		private void releaseSlot() {
			if (this.slotHeld.compareAndSet(true, false)) {
				HeldBackAttempts.this.slots.release();
				startWaiting();
			}
		}

	}

}
