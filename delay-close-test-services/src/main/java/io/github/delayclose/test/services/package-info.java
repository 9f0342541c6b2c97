/**
 * Where the project's own tests find RabbitMQ and MariaDB (local services or Testcontainers), and
 * helpers that keep tests apart on a shared broker. Not published.
 */
@NullMarked
package io.github.delayclose.test.services;

import org.jspecify.annotations.NullMarked;
