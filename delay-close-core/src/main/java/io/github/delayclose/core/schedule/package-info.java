/**
 * Starting an order's payment window: the scheduler host applications call where orders are created,
 * which publishes the delay message after the order's transaction commits.
 */
@NullMarked
package io.github.delayclose.core.schedule;

import org.jspecify.annotations.NullMarked;
