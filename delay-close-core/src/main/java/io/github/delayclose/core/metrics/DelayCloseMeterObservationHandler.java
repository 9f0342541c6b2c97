package io.github.delayclose.core.metrics;

import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;

/**
 * Claims delay-close's observations for the meter side of an observation registry, and records
 * nothing: {@link MicrometerDelayCloseMetrics} times closes and provider calls itself, with every meter
 * registered at start-up. Spring Boot lets the first meter handler that supports an observation handle
 * it; ordered first, this one keeps Boot's default handler from timing delay-close's observations a
 * second time under their own names. Tracing handlers are a group of their own and still see them.
 */
public final class DelayCloseMeterObservationHandler implements MeterObservationHandler<Observation.Context> {

    @Override
    public boolean supportsContext(Observation.Context context) {
        return DelayCloseObservations.isDelayClose(context);
    }
}
