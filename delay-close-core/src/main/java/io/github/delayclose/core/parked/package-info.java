/**
 * What an operator does with parked orders: list them from the close-attempt state, replay them with
 * fresh attempts, or discard them for good.
 */
@NullMarked
package io.github.delayclose.core.parked;

import org.jspecify.annotations.NullMarked;
