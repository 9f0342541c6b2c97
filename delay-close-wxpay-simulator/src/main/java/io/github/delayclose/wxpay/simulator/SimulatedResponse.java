package io.github.delayclose.wxpay.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * What the simulator answers to one call, before the transport sends it.
 *
 * @param status the HTTP status (WeChat answers 200 even for business errors)
 * @param body the body, normally signed XML
 * @param delay how long to wait before answering, for read-timeout tests
 */
public record SimulatedResponse(int status, String body, Duration delay) {

    public SimulatedResponse {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(delay, "delay");
    }
}
