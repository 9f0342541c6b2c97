package io.github.delayclose.sample.simulator;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a taken simulator port the way Spring Boot reports a taken web server port: what happened
 * and what to do, instead of a stack trace.
 */
class SimulatorPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<SimulatorPortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SimulatorPortInUseException cause) {
        int port = cause.port();
        return new FailureAnalysis("The built-in WeChat Pay simulator failed to start. Port " + port
                + " on 127.0.0.1 was already in use, perhaps by another demo shop.",
                "Identify and stop the process that's listening on port " + port + ", or run the simulator on "
                        + "another port: set WXPAY_SIMULATOR_PORT (demo.wxpay-simulator.port), for example "
                        + "WXPAY_SIMULATOR_PORT=" + (port + 1) + ".",
                cause);
    }
}
