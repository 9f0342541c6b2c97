/**
 * How the JSON API reports errors: problem details that also carry the message as {@code error}.
 */
@NullMarked
package io.github.delayclose.sample.web;

import org.jspecify.annotations.NullMarked;
