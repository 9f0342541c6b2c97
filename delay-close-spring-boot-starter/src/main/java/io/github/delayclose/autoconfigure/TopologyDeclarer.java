package io.github.delayclose.autoconfigure;

import java.util.concurrent.atomic.AtomicBoolean;

import com.rabbitmq.client.ShutdownSignalException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;

/**
 * Declares delay-close's queues on its own connection, at start-up and again after every
 * reconnect.
 *
 * <p>Declaring at start-up, rather than lazily on first use, turns a clash with existing queues
 * (RabbitMQ's PRECONDITION_FAILED, typically a changed timeout) into a start-up failure that says
 * what to do, instead of a listener that silently never starts. If the broker is down at start-up,
 * the application still starts and the topology is declared as soon as it connects.
 */
public class TopologyDeclarer implements SmartInitializingSingleton, ApplicationContextAware {

    private static final Log log = LogFactory.getLog(TopologyDeclarer.class);

    private final ConnectionFactory connectionFactory;
    private final Declarables declarables;
    private final RabbitAdmin admin;
    private final AtomicBoolean declaring = new AtomicBoolean();

    public TopologyDeclarer(ConnectionFactory connectionFactory, Declarables declarables) {
        this.connectionFactory = connectionFactory;
        this.declarables = declarables;
        // Not a bean: a context-aware admin would declare every Declarables of the application.
        this.admin = new RabbitAdmin(connectionFactory);
        // Only this admin declares them. The application's RabbitAdmin would otherwise declare them
        // on the application's connection too, and a clash there (a changed timeout) would break
        // the application's own RabbitTemplate instead of failing delay-close's start-up.
        declarables.getDeclarables().forEach(declarable -> declarable.setAdminsThatShouldDeclare(admin));
    }

    /**
     * Lets the admin find the Declarables bean, so that a listener container given this admin
     * redeclares a queue deleted while the application runs; it declares only what was handed to it.
     */
    @Override
    public void setApplicationContext(ApplicationContext applicationContext) {
        admin.setApplicationContext(applicationContext);
        admin.setExplicitDeclarationsOnly(true);
    }

    /** The admin that declares delay-close's topology, for the listener container. */
    public RabbitAdmin admin() {
        return admin;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            declare();
        }
        catch (AmqpConnectException ex) {
            log.warn("RabbitMQ is not reachable at start-up (" + ex.getMessage()
                    + "); delay-close declares its queues when the connection comes up");
        }
        connectionFactory.addConnectionListener(new ConnectionListener() {
            @Override
            public void onCreate(org.springframework.amqp.rabbit.connection.Connection connection) {
                declare();
            }
        });
    }

    /** Declares the topology now, e.g. after a publish was returned because a queue had been deleted. */
    public void declare() {
        if (!declaring.compareAndSet(false, true)) {
            return; // declaring opens the connection, which calls back here
        }
        try {
            for (Declarable declarable : declarables.getDeclarables()) {
                declare(declarable);
            }
        }
        finally {
            declaring.set(false);
        }
    }

    private void declare(Declarable declarable) {
        try {
            if (declarable instanceof Queue queue) {
                admin.declareQueue(queue);
            }
            else if (declarable instanceof Exchange exchange) {
                admin.declareExchange(exchange);
            }
            else if (declarable instanceof Binding binding) {
                admin.declareBinding(binding);
            }
        }
        catch (AmqpConnectException ex) {
            throw ex;
        }
        catch (AmqpException ex) {
            String reply = brokerReply(ex);
            if (reply != null && reply.contains("PRECONDITION_FAILED")) {
                throw new DelayTopologyMismatchException(describe(declarable), reply, ex);
            }
            throw ex;
        }
    }

    private static String describe(Declarable declarable) {
        if (declarable instanceof Queue queue) {
            return "queue '" + queue.getName() + "'";
        }
        if (declarable instanceof Exchange exchange) {
            return "exchange '" + exchange.getName() + "'";
        }
        return declarable.toString();
    }

    private static @Nullable String brokerReply(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ShutdownSignalException signal && signal.getReason() instanceof com.rabbitmq.client.AMQP.Channel.Close close) {
                return close.getReplyText();
            }
        }
        return null;
    }
}
