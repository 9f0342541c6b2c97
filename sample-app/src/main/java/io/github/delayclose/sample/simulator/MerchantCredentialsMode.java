package io.github.delayclose.sample.simulator;

import io.github.delayclose.wxpay.WxPaySettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * Real merchant credentials switch the demo from its built-in simulator to WeChat Pay, without ever
 * overriding a setting someone made.
 *
 * <p>{@code application.yml} says {@code demo.wxpay-simulator.enabled:
 * ${WXPAY_SIMULATOR:${demo.wxpay-simulator.without-credentials}}} and {@code delay-close.wxpay.base-url:
 * ${WXPAY_BASE_URL:${demo.wxpay.default-base-url}}}. This post-processor defines only those two
 * fallbacks, in a property source of the lowest precedence, so that command-line arguments, test
 * properties, {@code DELAY_CLOSE_*} and {@code WXPAY_*} variables all win over it:
 * <ul>
 * <li>{@value #WITHOUT_CREDENTIALS} is {@code true} unless the resolved {@code delay-close.wxpay.api-key}
 * (however it was set) differs from the demo account's key ({@code demo.wxpay.demo-account.api-key});
 * <li>{@value #DEFAULT_BASE_URL} is the simulator's URL while the simulator is on, WeChat Pay's
 * otherwise.
 * </ul>
 * Both are computed when read, so they follow every property source, including those added after
 * this post-processor ran (such as a test's {@code @DynamicPropertySource}).
 */
public class MerchantCredentialsMode implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "demoMerchantCredentialsMode";

    static final String WITHOUT_CREDENTIALS = "demo.wxpay-simulator.without-credentials";

    static final String DEFAULT_BASE_URL = "demo.wxpay.default-base-url";

    /** Where the built-in simulator listens; the port placeholder is resolved when the URL is read. */
    static final String SIMULATOR_BASE_URL = "http://127.0.0.1:${demo.wxpay-simulator.port}";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().remove(SOURCE_NAME);
        environment.getPropertySources().addLast(new Fallbacks(environment));
    }

    /** The two fallbacks, computed from the rest of the environment each time they are read. */
    private static final class Fallbacks extends EnumerablePropertySource<Object> {

        private static final String[] NAMES = { WITHOUT_CREDENTIALS, DEFAULT_BASE_URL };

        // Not the source object: Boot's binder descends into a property source whose source is an
        // environment, which would be this environment again, without end.
        private final ConfigurableEnvironment environment;

        Fallbacks(ConfigurableEnvironment environment) {
            super(SOURCE_NAME, new Object());
            this.environment = environment;
        }

        @Override
        public String[] getPropertyNames() {
            return NAMES.clone();
        }

        @Override
        public @Nullable Object getProperty(String name) {
            return switch (name) {
                case WITHOUT_CREDENTIALS -> Boolean.toString(!merchantCredentials());
                case DEFAULT_BASE_URL -> simulatorEnabled() ? SIMULATOR_BASE_URL : WxPaySettings.DEFAULT_BASE_URL;
                default -> null;
            };
        }

        /** Whether {@code delay-close.wxpay.api-key}, set however, is a key other than the demo account's. */
        private boolean merchantCredentials() {
            Binder binder = Binder.get(environment);
            String apiKey = binder.bind("delay-close.wxpay.api-key", String.class).orElse("");
            String demoKey = binder.bind("demo.wxpay.demo-account.api-key", String.class).orElse("");
            return !apiKey.isBlank() && !apiKey.equals(demoKey);
        }

        private boolean simulatorEnabled() {
            try {
                return Binder.get(environment).bind("demo.wxpay-simulator.enabled", Boolean.class)
                        .orElseGet(() -> !merchantCredentials());
            }
            catch (BindException ex) {
                // Not a boolean: binding WxPaySimulatorProperties reports it with the property's name.
                return !merchantCredentials();
            }
        }
    }
}
