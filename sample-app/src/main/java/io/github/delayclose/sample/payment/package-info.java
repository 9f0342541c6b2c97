/**
 * The shop's side of WeChat Pay: its merchant account, the payment notification endpoint and the late
 * payments it stores.
 */
@NullMarked
package io.github.delayclose.sample.payment;

import org.jspecify.annotations.NullMarked;
