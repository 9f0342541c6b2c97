package io.github.delayclose.autoconfigure;

/** Checks the listener properties, naming the property to fix. */
final class ListenerSettingsCheck {

    private ListenerSettingsCheck() {
    }

    static void validate(DelayCloseProperties.Listener listener) {
        if (listener.getConcurrency() < 1) {
            throw new IllegalArgumentException("delay-close.listener.concurrency must be at least 1, but was "
                    + listener.getConcurrency());
        }
        if (listener.getMaxConcurrency() < listener.getConcurrency()) {
            throw new IllegalArgumentException("delay-close.listener.max-concurrency (" + listener.getMaxConcurrency()
                    + ") must be at least delay-close.listener.concurrency (" + listener.getConcurrency() + ")");
        }
        if (listener.getPrefetch() < 1) {
            throw new IllegalArgumentException("delay-close.listener.prefetch must be at least 1, but was "
                    + listener.getPrefetch());
        }
    }
}
