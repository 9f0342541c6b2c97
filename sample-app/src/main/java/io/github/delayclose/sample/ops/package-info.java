/**
 * What the shop's operator sees on the demo page: closes in flight, how late orders close, and the
 * parked orders with a Replay button, through delay-close's own {@code ParkedOrders} service (the
 * same one behind {@code /actuator/delayclose}).
 */
@NullMarked
package io.github.delayclose.sample.ops;

import org.jspecify.annotations.NullMarked;
