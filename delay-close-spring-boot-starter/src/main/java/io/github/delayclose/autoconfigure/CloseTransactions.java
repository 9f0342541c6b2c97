package io.github.delayclose.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chooses the transaction in which a local close and its stock restore run together. Guessing
 * wrong would let a close commit without its stock, so an ambiguous choice fails start-up.
 */
final class CloseTransactions {

    private static final Log log = LogFactory.getLog(CloseTransactions.class);

    private CloseTransactions() {
    }

    static TransactionOperations select(ObjectProvider<PlatformTransactionManager> managers, BeanFactory beanFactory,
            @Nullable String managerName) {
        if (managerName != null && !managerName.isBlank()) {
            return new TransactionTemplate(beanFactory.getBean(managerName, PlatformTransactionManager.class));
        }
        PlatformTransactionManager manager;
        try {
            manager = managers.getIfUnique();
        }
        catch (NoUniqueBeanDefinitionException ex) {
            throw ambiguous();
        }
        if (manager == null && managers.stream().findAny().isPresent()) {
            throw ambiguous();
        }
        if (manager == null) {
            log.warn("No transaction manager: delay-close's local close and stock restore are not atomic. "
                    + "Add spring-boot-starter-jdbc (or your persistence starter) so that they share a transaction.");
            return TransactionOperations.withoutTransaction();
        }
        return new TransactionTemplate(manager);
    }

    private static IllegalStateException ambiguous() {
        return new IllegalStateException("delay-close closes an order and gives its stock back in one transaction, but "
                + "the application has several transaction managers and none is @Primary. Set "
                + "delay-close.transaction-manager to the bean name of the one for your orders' DataSource.");
    }
}
