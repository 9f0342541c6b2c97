package io.github.delayclose.core.topology;

/** How orders wait for their payment deadline. */
public enum DelayLayout {

    /**
     * The tutorial's layout: orders scheduled with the default payment window wait in one delay queue
     * whose {@code x-message-ttl} is that window; changing it needs a new queue name (RabbitMQ refuses
     * to change the TTL of a queue). Orders with deadlines of their own use the delay levels.
     */
    FIXED,

    /**
     * Every order waits in binary delay levels: queues whose TTLs are 250 ms, 500 ms, 1 s, 2 s …
     * doubling up to about 24 days, and a topic exchange per level. A message is published straight into the level of its
     * delay's highest bit and, as each level expires, dead-letters through the levels of its other
     * bits to the dead-letter exchange. Any delay waits only behind messages of the same level, so no
     * long delay blocks a short one, and every order can have its own deadline. Changing the payment
     * window needs no broker change at all.
     */
    LEVELS
}
