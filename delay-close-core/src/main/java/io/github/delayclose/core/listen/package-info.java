/**
 * The timeout queue's message listener, and what happens to a message that could not be handled yet:
 * a retry or re-check through the broker, or the parking queue.
 */
@NullMarked
package io.github.delayclose.core.listen;

import org.jspecify.annotations.NullMarked;
