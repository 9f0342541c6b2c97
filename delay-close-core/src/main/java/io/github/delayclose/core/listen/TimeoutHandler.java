package io.github.delayclose.core.listen;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.github.delayclose.core.attempt.AttemptLedger;
import io.github.delayclose.core.close.CloseFailedException;
import io.github.delayclose.core.close.FailureReason;
import io.github.delayclose.core.close.OrderCloser;
import io.github.delayclose.core.close.TimeoutOutcome;
import io.github.delayclose.core.close.TimeoutResult;
import io.github.delayclose.core.message.TimeoutMessage;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.metrics.DelayCloseObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;

/**
 * Handles one timeout message: one order whose payment window ended.
 *
 * <p>Returns normally only when the message's outcome is durable (the order closed or paid in the
 * database, or a copy confirmed on a retry, re-check or parking queue); the caller then acks. If even
 * that fails, it throws, and the caller rejects the message without requeue so that the timeout
 * queue's dead-letter settings park it: nothing loops, nothing is lost.
 *
 * <p>Each handling is observed (a span with Micrometer Tracing), runs with the order id in the logging
 * context under {@value #MDC_ORDER_ID}, is timed and counted once, and ends with one line on the
 * {@link CloseLog}.
 */
public final class TimeoutHandler {

    /** The logging context (MDC) key of the order being closed. */
    public static final String MDC_ORDER_ID = "orderId";

    private final OrderCloser closer;
    private final Redelivery redelivery;
    private final AttemptLedger attempts;
    private final DelayCloseMetrics metrics;
    private final ObservationRegistry observations;
    private final ClosesInFlight inFlight;
    private final Clock clock;

    public TimeoutHandler(OrderCloser closer, Redelivery redelivery, AttemptLedger attempts, DelayCloseMetrics metrics) {
        this(closer, redelivery, attempts, metrics, ObservationRegistry.NOOP, Clock.systemUTC());
    }

    /**
     * @param observations where each close is observed; {@link ObservationRegistry#NOOP} for none
     * @param clock tells how late an order closed
     */
    public TimeoutHandler(OrderCloser closer, Redelivery redelivery, AttemptLedger attempts, DelayCloseMetrics metrics,
            ObservationRegistry observations, Clock clock) {
        this(closer, redelivery, attempts, metrics, observations, new ClosesInFlight(), clock);
    }

    /**
     * @param observations where each close is observed; {@link ObservationRegistry#NOOP} for none
     * @param inFlight where each close is registered while it runs, for the sweep
     * @param clock tells how late an order closed
     */
    public TimeoutHandler(OrderCloser closer, Redelivery redelivery, AttemptLedger attempts, DelayCloseMetrics metrics,
            ObservationRegistry observations, ClosesInFlight inFlight, Clock clock) {
        this.closer = Objects.requireNonNull(closer, "closer");
        this.redelivery = Objects.requireNonNull(redelivery, "redelivery");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.observations = Objects.requireNonNull(observations, "observations");
        this.inFlight = Objects.requireNonNull(inFlight, "inFlight");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Closes the message's order, or sends the message on for a later attempt, a later deadline or to parking. */
    public void handle(Message received) {
        long started = System.nanoTime();
        Optional<TimeoutMessage> parsed = TimeoutMessage.from(received);
        if (parsed.isEmpty()) {
            redelivery.parkMalformed(received,
                    new IllegalArgumentException("message body is not an order id: " + preview(received.getBody())));
            return;
        }
        TimeoutMessage message = parsed.get();
        Observation observation = DelayCloseObservations.close(message.orderId(), observations).start();
        try (ClosesInFlight.Registration registered = inFlight.started(received, message, clock.instant());
                Observation.Scope scope = observation.openScope();
                MDC.MDCCloseable orderInContext = MDC.putCloseable(MDC_ORDER_ID, message.orderId())) {
            FinishedClose finished = handle(received, message, started);
            observation.lowCardinalityKeyValue("outcome", finished.outcomeName());
            metrics.closeFinished(finished.outcome(), finished.duration(), finished.lateness());
            CloseLog.finished(finished);
        }
        catch (RuntimeException ex) {
            observation.error(ex);
            throw ex;
        }
        finally {
            observation.stop();
        }
    }

    private FinishedClose handle(Message received, TimeoutMessage message, long started) {
        TimeoutResult result;
        try {
            result = closer.close(message);
        }
        catch (CloseFailedException ex) {
            return failed(received, message, ex.reason(), ex, started);
        }
        catch (RuntimeException ex) {
            return failed(received, message, FailureReason.UNEXPECTED_ERROR, ex, started);
        }
        FollowUp next = switch (result.outcome()) {
            case CLOSED, COMPENSATED_AS_PAID, ALREADY_FINAL -> {
                attempts.done(message);
                yield FollowUp.NONE;
            }
            case STILL_PAYING -> redelivery.recheckOrPark(received, message);
            case NOT_YET_DUE -> {
                redelivery.waitUntil(message, Objects.requireNonNull(result.dueAt()));
                yield FollowUp.WAIT;
            }
            case STALE_COPY -> FollowUp.DROP;
        };
        // A re-check that lost to a newer copy is that: a stale copy, counted once as such.
        TimeoutOutcome outcome = next == FollowUp.DROP ? TimeoutOutcome.STALE_COPY : result.outcome();
        metrics.outcome(outcome);
        FailureReason parkedAs = next == FollowUp.PARK ? FailureReason.STILL_PAYING : null;
        return new FinishedClose(message.orderId(), outcome, parkedAs, next, message.failedAttempts() + 1,
                since(started), lateness(outcome, result.dueAt()));
    }

    private FinishedClose failed(Message received, TimeoutMessage message, FailureReason reason, RuntimeException cause,
            long started) {
        FollowUp next = redelivery.retryOrPark(received, message, reason, cause);
        if (next == FollowUp.DROP) {
            metrics.outcome(TimeoutOutcome.STALE_COPY);
            return new FinishedClose(message.orderId(), TimeoutOutcome.STALE_COPY, null, next,
                    message.failedAttempts() + 1, since(started), null);
        }
        return new FinishedClose(message.orderId(), null, reason, next, message.failedAttempts() + 1, since(started),
                null);
    }

    private @Nullable Duration lateness(TimeoutOutcome outcome, @Nullable Instant deadline) {
        boolean ended = outcome == TimeoutOutcome.CLOSED || outcome == TimeoutOutcome.COMPENSATED_AS_PAID;
        return ended && deadline != null ? Duration.between(deadline, clock.instant()) : null;
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static String preview(byte[] body) {
        if (body == null || body.length == 0) {
            return "(empty)";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(body.length, 40); i++) {
            int b = body[i] & 0xff;
            text.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        return "'" + text + (body.length > 40 ? "…' (" + body.length + " bytes)" : "'");
    }
}
