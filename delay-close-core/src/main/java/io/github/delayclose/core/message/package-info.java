/**
 * The wire format of delay-close's messages: the order id codec and the headers delay-close reads and
 * writes.
 */
@NullMarked
package io.github.delayclose.core.message;

import org.jspecify.annotations.NullMarked;
