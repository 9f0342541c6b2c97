/**
 * Closing one order whose payment window ended: the close decision applied through the three SPIs,
 * and the outcomes and failure reasons of an attempt.
 */
@NullMarked
package io.github.delayclose.core.close;

import org.jspecify.annotations.NullMarked;
