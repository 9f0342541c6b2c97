package io.github.delayclose.core.doubles;

import java.util.ArrayList;
import java.util.List;

/**
 * One ordered record of every SPI call the doubles of a test saw, so that a test can assert both
 * which calls happened and in which order (for example: provider calls before the transaction).
 */
public final class CallLog {

    private final List<String> calls = new ArrayList<>();

    public synchronized void add(String call) {
        calls.add(call);
    }

    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    public synchronized long count(String call) {
        return calls.stream().filter(call::equals).count();
    }
}
