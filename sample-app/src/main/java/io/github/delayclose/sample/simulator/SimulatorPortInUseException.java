package io.github.delayclose.sample.simulator;

/**
 * The built-in WeChat Pay simulator could not listen on its port because something else does,
 * typically another demo shop. {@link SimulatorPortInUseFailureAnalyzer} turns it into Boot's
 * start-up report, which says how to choose another port.
 */
public class SimulatorPortInUseException extends RuntimeException {

    private final int port;

    SimulatorPortInUseException(int port, Throwable cause) {
        super("The WeChat Pay simulator cannot listen on 127.0.0.1:" + port + ": the port is already in use", cause);
        this.port = port;
    }

    /** The port that was taken. */
    public int port() {
        return port;
    }
}
