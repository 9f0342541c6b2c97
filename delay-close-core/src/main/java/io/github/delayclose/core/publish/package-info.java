/**
 * Publishing with publisher confirms: a message counts as sent only once the broker confirmed and
 * routed it.
 */
@NullMarked
package io.github.delayclose.core.publish;

import org.jspecify.annotations.NullMarked;
