package io.github.delayclose.autoconfigure;

import java.time.Instant;
import java.util.Optional;

import io.github.delayclose.autoconfigure.health.DelayCloseHealthAutoConfiguration;
import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.Payment;
import io.github.delayclose.test.doubles.InMemoryPaymentGateway;
import io.github.delayclose.test.doubles.InMemoryStockRestorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A repository that cannot search for overdue orders leaves the safety net off: an order whose
 * message was lost would stay unpaid for ever. That must never pass in silence.
 */
@ExtendWith(OutputCaptureExtension.class)
class SweepAvailabilityTest {

    /** Sweep left at its default (on); no broker, so nothing else happens. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RabbitAutoConfiguration.class, DelayCloseAutoConfiguration.class,
                    DelayCloseHealthAutoConfiguration.class))
            .withUserConfiguration(ShopWithoutOverdueSearch.class)
            .withPropertyValues("spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=1",
                    "delay-close.listener.auto-startup=false");

    @Test
    void aRepositoryThatCannotSearchIsWarnedAboutAtStartUpWithTheWayOut(CapturedOutput output) {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(output).contains(StatusOnlyRepository.class.getName()
                    + " does not implement OrderRepository.findOverdueUnpaid")
                    .contains("delay-close.sweep.enabled=false");
        });
    }

    @Test
    void aSweepAskedForExplicitlyWithARepositoryThatCannotSearchFailsStartUp() {
        runner.withPropertyValues("delay-close.sweep.enabled=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("the safety-net sweep cannot find orders whose timeout message was lost")
                    .hasMessageContaining("set delay-close.sweep.enabled=false");
        });
    }

    @Test
    void sayingTheSweepIsOffIsHeardAndNotWarnedAbout(CapturedOutput output) {
        runner.withPropertyValues("delay-close.sweep.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(output).doesNotContain("does not implement OrderRepository.findOverdueUnpaid");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class ShopWithoutOverdueSearch {

        @Bean
        StatusOnlyRepository orders() {
            return new StatusOnlyRepository();
        }

        @Bean
        InMemoryPaymentGateway gateway() {
            return new InMemoryPaymentGateway();
        }

        @Bean
        InMemoryStockRestorer stock() {
            return new InMemoryStockRestorer();
        }
    }

    /** The three required methods only, as a shop's first repository often is. */
    static final class StatusOnlyRepository implements OrderRepository {

        @Override
        public Optional<OrderStatus> findStatus(String orderId) {
            return Optional.empty();
        }

        @Override
        public boolean markClosed(String orderId, Instant closedAt) {
            return false;
        }

        @Override
        public boolean markPaid(String orderId, Payment payment) {
            return false;
        }
    }
}
