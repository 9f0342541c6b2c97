/**
 * The RabbitMQ queues and exchange that carry an order from created to window ended, with the retry
 * and re-check queues and their backoff.
 */
@NullMarked
package io.github.delayclose.core.topology;

import org.jspecify.annotations.NullMarked;
