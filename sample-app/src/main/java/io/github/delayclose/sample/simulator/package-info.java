/**
 * The built-in WeChat Pay v2 simulator of the demo, the controls the page drives it with, and the
 * switch to real WeChat Pay when merchant credentials are given.
 */
@NullMarked
package io.github.delayclose.sample.simulator;

import org.jspecify.annotations.NullMarked;
