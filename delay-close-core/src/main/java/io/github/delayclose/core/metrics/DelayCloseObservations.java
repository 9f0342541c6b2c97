package io.github.delayclose.core.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * The observations delay-close makes, so that Micrometer Tracing (when the application has it) shows
 * each close as a span with its provider calls inside. Their key values are low-cardinality, except
 * {@value #ORDER_ID}, which is high-cardinality: it goes to traces, never to metric tags.
 *
 * <p>delay-close records its timers itself (registered at start-up, see {@link DelayCloseMetrics}), so
 * the observations are for tracing; the starter keeps Boot's default meter handler from timing them a
 * second time.
 */
public final class DelayCloseObservations {

    /** Every delay-close observation's name starts with this. */
    public static final String PREFIX = "delay.close.";

    /** Handling one order's timeout message, from receipt to a durable outcome. */
    public static final String CLOSE = PREFIX + "close";

    /** One call to the payment provider. */
    public static final String PROVIDER_CALL = PREFIX + "provider.call";

    /** The order, as a high-cardinality key value. */
    public static final String ORDER_ID = "order.id";

    private DelayCloseObservations() {
    }

    /** A close of the order, not started yet. */
    public static Observation close(String orderId, ObservationRegistry registry) {
        return Observation.createNotStarted(CLOSE, registry).contextualName("delay-close close")
                .highCardinalityKeyValue(ORDER_ID, orderId);
    }

    /** A provider call for the order, not started yet. */
    public static Observation providerCall(String operation, String orderId, ObservationRegistry registry) {
        return Observation.createNotStarted(PROVIDER_CALL, registry).contextualName("delay-close provider " + operation)
                .lowCardinalityKeyValue("operation", operation).highCardinalityKeyValue(ORDER_ID, orderId);
    }

    /** Whether the observation is one of delay-close's. */
    public static boolean isDelayClose(Observation.Context context) {
        String name = context.getName();
        return name != null && name.startsWith(PREFIX);
    }
}
