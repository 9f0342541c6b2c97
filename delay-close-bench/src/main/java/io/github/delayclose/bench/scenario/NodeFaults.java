package io.github.delayclose.bench.scenario;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.delayclose.bench.driver.Pause;
import io.github.delayclose.bench.driver.Progress;
import io.github.delayclose.bench.driver.RabbitCluster;

/**
 * Kills, one after the other, the node that leads the delay queue, the one that leads the timeout
 * queue and the one the listener is connected to, each for {@code down}, then starts it again and
 * lets the cluster settle before the next. Each node is picked when its turn comes, since an earlier
 * fault may have moved leaders and connections.
 */
final class NodeFaults {

    enum Role {
        DELAY("delay"), TIMEOUT("timeout"), APP("app");

        final String label;

        Role(String label) {
            this.label = label;
        }
    }

    private final RabbitCluster cluster;
    private final String queuePrefix;
    private final BenchRun.PhaseQueues queues;
    private final Timing timing;
    private final Runnable quietStart;
    private final Runnable quietEnd;
    private final List<Fault> done = new CopyOnWriteArrayList<>();

    /**
     * @param queuePrefix what the phase's queue names start with
     * @param quietStart runs {@link Timing#quietFrom()} after the start, {@code quietEnd} just before the first fault
     */
    NodeFaults(RabbitCluster cluster, String queuePrefix, BenchRun.PhaseQueues queues, Timing timing,
            Runnable quietStart, Runnable quietEnd) {
        this.cluster = cluster;
        this.queuePrefix = queuePrefix;
        this.queues = queues;
        this.timing = timing;
        this.quietStart = quietStart;
        this.quietEnd = quietEnd;
    }

    /** Runs the faults on a thread of their own; the future completes after the last one settled. */
    CompletableFuture<List<Fault>> start() {
        CompletableFuture<List<Fault>> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                Pause.of(timing.quietFrom());
                quietStart.run();
                Pause.of(timing.first().minus(timing.quietFrom()));
                quietEnd.run();
                for (Role role : Role.values()) {
                    inject(role);
                    Pause.of(timing.settle());
                }
                outcome.complete(List.copyOf(done));
            }
            catch (RuntimeException ex) {
                outcome.completeExceptionally(ex);
            }
        }, "bench-faults");
        thread.setDaemon(true);
        thread.start();
        return outcome;
    }

    private void inject(Role role) {
        RabbitCluster.Node asking = cluster.nodes().get(0);
        List<RabbitCluster.QueueState> states = cluster.queues(asking, queuePrefix);
        String timeoutLeader = states.stream().filter(queue -> queue.name().equals(queues.timeout()))
                .map(RabbitCluster.QueueState::leader).findFirst().orElse("");
        // The waiting queue the orders are in now: with per-order deadlines there are several.
        String delayLeader = states.stream()
                .filter(queue -> !queue.name().equals(queues.timeout()) && !queue.name().endsWith(".parking"))
                .max(Comparator.comparingLong(RabbitCluster.QueueState::messages))
                .map(RabbitCluster.QueueState::leader).orElse("");
        Optional<String> target = switch (role) {
            case DELAY -> Optional.of(delayLeader);
            case TIMEOUT -> Optional.of(timeoutLeader);
            case APP -> cluster.consumerNodes(asking, queues.timeout()).stream().findFirst();
        };
        if (target.isEmpty() || target.get().isEmpty()) {
            Progress.say("failover: no node found for the " + role.label + " fault; skipped");
            return;
        }
        RabbitCluster.Node node = cluster.node(target.get());
        Progress.say("failover: killing " + node.name() + " (" + role.label + "; the delay queue's leader is "
                + delayLeader + ", the timeout queue's " + timeoutLeader + ")");
        long killedAt = System.currentTimeMillis();
        cluster.kill(node);
        Pause.of(timing.down());
        Progress.say("failover: starting " + node.name() + " again");
        cluster.restart(node);
        long backAt = System.currentTimeMillis();
        Progress.say("failover: " + node.name() + " is back after " + (backAt - killedAt) / 1000.0 + " s");
        done.add(new Fault(role, node.name(), node.name().equals(delayLeader), node.name().equals(timeoutLeader),
                killedAt, backAt));
    }

    /**
     * @param quietFrom when the steady state is measured from (once orders fall due)
     * @param first when the first node is killed, counted like {@code quietFrom} from the start
     * @param down how long each killed node stays down
     * @param settle how long after a node is back the next one is killed
     */
    record Timing(Duration quietFrom, Duration first, Duration down, Duration settle) {

        Timing {
            if (first.compareTo(quietFrom) < 0) {
                throw new IllegalArgumentException("--first-fault must be at least --timeout, got " + first);
            }
        }
    }

    /**
     * @param hadDelayQueue whether the node led the delay queue holding the orders when it was killed
     * @param hadTimeoutQueue whether the node led the timeout queue when it was killed
     * @param backAt when the node ran again, in the cluster
     */
    record Fault(Role role, String node, boolean hadDelayQueue, boolean hadTimeoutQueue, long killedAt, long backAt) {

        /** The node's name without its host, for the result line. */
        String shortNode() {
            return node.substring(node.lastIndexOf('-') + 1, node.indexOf('@'));
        }
    }
}
