/**
 * The delay-close demo shop: a Spring Boot application on the starter, the JDBC defaults and the
 * WeChat Pay v2 gateway.
 */
@NullMarked
package io.github.delayclose.sample;

import org.jspecify.annotations.NullMarked;
