/**
 * The shop itself: SKUs, orders that take stock and schedule their close, and the JSON API that shows
 * them.
 */
@NullMarked
package io.github.delayclose.sample.shop;

import org.jspecify.annotations.NullMarked;
