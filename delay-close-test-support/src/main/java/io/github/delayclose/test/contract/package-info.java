/**
 * Contract tests for implementers of the delay-close SPIs: extend the abstract class for each SPI
 * you implement ({@link io.github.delayclose.test.contract.OrderRepositoryContract},
 * {@link io.github.delayclose.test.contract.StockRestorerContract}, and the payment gateway's),
 * implement its hooks and run it against your real store, as ShedLock does for lock providers.
 */
@NullMarked
package io.github.delayclose.test.contract;

import org.jspecify.annotations.NullMarked;
