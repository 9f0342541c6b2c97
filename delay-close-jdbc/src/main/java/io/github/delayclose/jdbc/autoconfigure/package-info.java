/**
 * Spring Boot auto-configuration of the JDBC OrderRepository and StockRestorer, under {@code
 * delay-close.jdbc.*}.
 */
@NullMarked
package io.github.delayclose.jdbc.autoconfigure;

import org.jspecify.annotations.NullMarked;
