/**
 * Recording payments the provider notified, without ever reviving a closed order, and the event
 * raised for a payment that came too late.
 */
@NullMarked
package io.github.delayclose.core.payment;

import org.jspecify.annotations.NullMarked;
