package dev.joat.sample.token;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * Answers refusals of clients over a failure limit {@code refusal-delay} late, without holding a
 * thread (servlet async processing and one scheduler thread), and with {@code Connection: close}:
 * a client that sends its next attempt only once the last one is answered (any HTTP client with a
 * fixed number of connections) then makes at most one attempt per connection and delay, whatever
 * the server's speed, instead of taking the CPU that legitimate clients need with thousands of
 * refusals a second. At most {@code max-delayed-refusals} refusals wait at once (their memory is
 * bounded); beyond that, and when the delay is 0, a refusal is answered at once, still closing the
 * connection. Only refusals are delayed: requests within the limits never come here.
 * Thread-safe.
 */
@Component
class DelayedRefusals implements DisposableBean {

	private static final Log logger = LogFactory.getLog(DelayedRefusals.class);

	/** How much longer than the delay the container waits before it ends a delayed refusal itself. */
	private static final long TIMEOUT_MARGIN_MILLIS = 30_000;

	private static final Duration MAX_DELAY = Duration.ofSeconds(10);

	private final Duration delay;

	private final int maxDelayed;

	private final Semaphore slots;

	private final ScheduledThreadPoolExecutor scheduler;

	private final Set<Answer> waiting = ConcurrentHashMap.newKeySet();

	DelayedRefusals(ClientAuthenticationProperties properties) {
		this.delay = properties.getRefusalDelay();
		if (this.delay == null || this.delay.isNegative() || this.delay.compareTo(MAX_DELAY) > 0) {
			throw new JoatConfigurationException("joat.sample.client-authentication.refusal-delay",
					"must be between 0 and 10s", "Set it to how long a refusal is held back, e.g. 1s, or 0 to answer at once");
		}
		this.maxDelayed = properties.getMaxDelayedRefusals();
		if (this.maxDelayed < 1) {
			throw new JoatConfigurationException("joat.sample.client-authentication.max-delayed-refusals",
					"must be at least 1, not " + this.maxDelayed, "Set it to a positive number, e.g. 1000");
		}
		this.slots = new Semaphore(this.maxDelayed);
		this.scheduler = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "token-endpoint-delayed-refusals");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Answers {@code refusal} after the delay, or at once when the delay is 0, when
	 * {@code max-delayed-refusals} refusals already wait, or when the request cannot be processed
	 * asynchronously.
	 * @param refusal the refusal
	 * @param request the refused request, not yet answered
	 * @param response its response, not committed
	 * @throws IOException when the refusal answered at once cannot be written
	 */
	void refuse(TokenRequestException refusal, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (this.delay.isZero() || !request.isAsyncSupported() || !this.slots.tryAcquire()) {
			write(refusal, response);
			return;
		}
		AsyncContext async = request.startAsync(request, response);
		async.setTimeout(this.delay.toMillis() + TIMEOUT_MARGIN_MILLIS);
		Answer answer = new Answer(refusal, async);
		async.addListener(answer);
		this.waiting.add(answer);
		this.scheduler.schedule(answer, this.delay.toNanos(), TimeUnit.NANOSECONDS);
	}

	/** The number of refusals waiting now. */
	int waiting() {
		return this.maxDelayed - this.slots.availablePermits();
	}

	/** Answers every waiting refusal at once and stops the scheduler. */
	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
		for (Answer answer : this.waiting) {
			answer.run();
		}
	}

	private static void write(TokenRequestException refusal, HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.CONNECTION, "close");
		TokenErrorResponse.write(refusal, response);
	}

	/** A waiting refusal: answered once, by the scheduler, or ended when the container gives up on it. */
	private final class Answer implements Runnable, AsyncListener {

		private final TokenRequestException refusal;

		private final AsyncContext async;

		private final AtomicBoolean done = new AtomicBoolean();

		Answer(TokenRequestException refusal, AsyncContext async) {
			this.refusal = refusal;
			this.async = async;
		}

		@Override
		public void run() {
			if (!this.done.compareAndSet(false, true)) {
				return;
			}
			try {
				write(this.refusal, (HttpServletResponse) this.async.getResponse());
			}
			catch (IOException | IllegalStateException ex) {
				logger.debug("A delayed refusal could not be written: the client has gone");
			}
			finally {
				end();
			}
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			if (this.done.compareAndSet(false, true)) {
				end();
			}
		}

		@Override
		public void onError(AsyncEvent event) {
			onTimeout(event);
		}

		@Override
		public void onComplete(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

		private void end() {
			DelayedRefusals.this.waiting.remove(this);
			DelayedRefusals.this.slots.release();
			try {
				this.async.complete();
			}
			catch (IllegalStateException ex) {
				// Already completed by the container (the client has gone).
			}
		}

	}

}
