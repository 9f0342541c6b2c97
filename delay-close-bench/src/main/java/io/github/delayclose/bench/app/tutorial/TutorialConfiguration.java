package io.github.delayclose.bench.app.tutorial;

import java.util.Map;

import io.github.delayclose.bench.app.AppMode;
import io.github.delayclose.bench.app.ListenerSwitch;
import io.github.delayclose.bench.app.OrderScheduling;
import io.github.delayclose.core.spi.PaymentGateway;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The baseline: the tutorial's design on the same tables, the same WeChat Pay v2 gateway and the
 * same simulator as delay-close, so the ratio between the two measures the design alone.
 *
 * <p>As in the tutorial: the order service sends the order id to {@code queue.ordercreate} with a
 * plain {@code convertAndSend}; one consumer with prefetch 1 takes it from {@code queue.ordertimeout}
 * and closes it. delay-close itself stays on the class path only to provide the gateway; the driver
 * keeps its listener and sweep off in this mode.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = AppMode.PROPERTY, havingValue = "tutorial")
public class TutorialConfiguration {

    static final String CONTAINER = "tutorialListenerContainer";

    @Bean
    TutorialQueues tutorialQueues(@Value("${" + TutorialQueues.PREFIX_PROPERTY + "}") String prefix) {
        return TutorialQueues.under(prefix);
    }

    /** The tutorial's steps (1) to (4): the exchange, the timeout queue, its binding, the TTL queue. */
    @Bean
    Declarables tutorialTopology(TutorialQueues queues, @Value("${bench.tutorial.ttl:1000}") long ttlMillis,
            RabbitTemplate rabbit) {
        FanoutExchange exchange = new FanoutExchange(queues.exchange(), true, false);
        Queue timeout = new Queue(queues.timeout(), true);
        Binding binding = BindingBuilder.bind(timeout).to(exchange);
        Queue delay = new Queue(queues.delay(), true, false, false,
                Map.of("x-message-ttl", ttlMillis, "x-dead-letter-exchange", queues.exchange()));
        Declarables topology = new Declarables(exchange, timeout, binding, delay);
        // Declared here rather than by an admin bean: delay-close's own admin declares only its topology.
        RabbitAdmin admin = new RabbitAdmin(rabbit.getConnectionFactory());
        admin.declareExchange(exchange);
        admin.declareQueue(timeout);
        admin.declareBinding(binding);
        admin.declareQueue(delay);
        return topology;
    }

    @Bean
    TutorialOrderService tutorialOrderService(JdbcTemplate jdbc, PlatformTransactionManager transactions,
            PaymentGateway gateway) {
        return new TutorialOrderService(jdbc, new TransactionTemplate(transactions), gateway);
    }

    /** The tutorial's {@code rabbitTemplate.convertAndSend("", "queue.ordercreate", orderId)}. */
    @Bean
    OrderScheduling orderScheduling(RabbitTemplate rabbit, TutorialQueues queues) {
        return orderId -> rabbit.convertAndSend("", queues.delay(), orderId);
    }

    /** The tutorial's {@code @RabbitListener(queues = "queue.ordertimeout")}: one consumer, one message at a time. */
    @Bean(CONTAINER)
    SimpleMessageListenerContainer tutorialListenerContainer(RabbitTemplate rabbit, TutorialQueues queues,
            TutorialOrderService orders) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(rabbit.getConnectionFactory());
        container.setQueueNames(queues.timeout());
        container.setConcurrentConsumers(1);
        container.setMaxConcurrentConsumers(1);
        container.setPrefetchCount(1);
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setMessageListener(new TutorialTimeoutListener(orders));
        container.setAutoStartup(false);
        return container;
    }

    @Bean
    ListenerSwitch listenerSwitch(SimpleMessageListenerContainer tutorialListenerContainer) {
        return new ListenerSwitch() {

            @Override
            public void start() {
                tutorialListenerContainer.start();
            }

            @Override
            public void stop() {
                tutorialListenerContainer.stop();
            }
        };
    }
}
