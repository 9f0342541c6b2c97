package io.github.delayclose.sample.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop's real {@code application.yml} with {@link MerchantCredentialsMode}: the simulator is on
 * unless merchant credentials are given, however they are given, and no setting anyone made is ever
 * overridden, neither command-line arguments, nor test properties, nor environment variables.
 */
class MerchantCredentialsModeTest {

    private static final String SIMULATOR = "http://127.0.0.1:8090";

    private static final String WECHAT_PAY = "https://api.mch.weixin.qq.com";

    private static final String SANDBOX = "http://127.0.0.1:9/sandboxnew";

    /**
     * An environment as Spring Boot builds it: command-line arguments, then environment variables,
     * then application.yml; then the post-processor.
     */
    private static ConfigurableEnvironment environment(Map<String, Object> commandLine, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", commandLine));
        applicationYml().forEach(environment.getPropertySources()::addLast);
        ConfigurationPropertySources.attach(environment);
        new MerchantCredentialsMode().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    private static Iterable<PropertySource<?>> applicationYml() {
        try {
            return new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static ConfigurableEnvironment withVariables(String... namesAndValues) {
        return environment(Map.of(), map(namesAndValues));
    }

    private static Map<String, Object> map(String... namesAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** A property as {@code @ConfigurationProperties} binding sees it. */
    private static String bound(ConfigurableEnvironment environment, String name) {
        return Binder.get(environment).bind(name, String.class).orElse(null);
    }

    private static void assertSimulator(ConfigurableEnvironment environment) {
        assertThat(bound(environment, "demo.wxpay-simulator.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("demo.wxpay-simulator.enabled", Boolean.class)).isTrue();
        assertThat(bound(environment, "delay-close.wxpay.base-url")).isEqualTo(SIMULATOR);
    }

    private static void assertWeChatPay(ConfigurableEnvironment environment, String baseUrl) {
        assertThat(bound(environment, "demo.wxpay-simulator.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("demo.wxpay-simulator.enabled", Boolean.class)).isFalse();
        assertThat(bound(environment, "delay-close.wxpay.base-url")).isEqualTo(baseUrl);
    }

    @Test
    void withoutCredentialsTheSimulatorRunsWithTheDemoAccount() {
        ConfigurableEnvironment environment = withVariables();
        assertSimulator(environment);
        assertThat(bound(environment, "delay-close.wxpay.app-id")).isEqualTo("wxd930ea5d5a258f4f");
        assertThat(bound(environment, "delay-close.wxpay.mch-id")).isEqualTo("10000100");
        assertThat(bound(environment, "delay-close.wxpay.api-key"))
                .isEqualTo(bound(environment, "demo.wxpay.demo-account.api-key")).isNotBlank();
    }

    @Test
    void wxpayCredentialsSwitchToWeChatPay() {
        assertWeChatPay(withVariables("WXPAY_API_KEY", "merchant-key"), WECHAT_PAY);
    }

    @Test
    void canonicalCredentialsSwitchToWeChatPayToo() {
        // Spring Boot drops the dashes: DELAYCLOSE_WXPAY_APIKEY is delay-close.wxpay.api-key.
        assertWeChatPay(withVariables("DELAYCLOSE_WXPAY_APIKEY", "merchant-key"), WECHAT_PAY);
        assertWeChatPay(environment(Map.of("delay-close.wxpay.api-key", "merchant-key"), Map.of()), WECHAT_PAY);
    }

    @Test
    void theDemoKeyIsNoMerchantCredential() {
        assertSimulator(withVariables("WXPAY_API_KEY", "delayclosedemo0123456789abcdefgh"));
    }

    @Test
    void anExplicitBaseUrlWinsOverWeChatPaysUrl() {
        assertWeChatPay(withVariables("WXPAY_API_KEY", "merchant-key", "WXPAY_BASE_URL", SANDBOX), SANDBOX);
        assertWeChatPay(withVariables("WXPAY_API_KEY", "merchant-key", "DELAYCLOSE_WXPAY_BASEURL", SANDBOX), SANDBOX);
    }

    @Test
    void commandLineSettingsWinOverEverything() {
        // The reviewer's case: WXPAY_API_KEY exported, and a sandbox URL given on the command line.
        ConfigurableEnvironment environment = environment(Map.of("delay-close.wxpay.base-url", SANDBOX),
                map("WXPAY_API_KEY", "merchant-key", "WXPAY_BASE_URL", "https://api2.mch.weixin.qq.com"));
        assertWeChatPay(environment, SANDBOX);

        ConfigurableEnvironment simulatorAnyway = environment(Map.of("demo.wxpay-simulator.enabled", "true"),
                map("WXPAY_API_KEY", "merchant-key"));
        assertSimulator(simulatorAnyway);
    }

    @Test
    void anExplicitSimulatorChoiceWins() {
        assertSimulator(withVariables("WXPAY_API_KEY", "merchant-key", "WXPAY_SIMULATOR", "true"));
        assertWeChatPay(withVariables("WXPAY_SIMULATOR", "false"), WECHAT_PAY);
    }

    @Test
    void theSimulatorFollowsItsPort() {
        assertThat(bound(withVariables("WXPAY_SIMULATOR_PORT", "18090"), "delay-close.wxpay.base-url"))
                .isEqualTo("http://127.0.0.1:18090");
    }

    @Test
    void onlyTwoFallbacksAreAddedAtTheLowestPrecedence() {
        ConfigurableEnvironment environment = withVariables("WXPAY_API_KEY", "merchant-key");
        PropertySource<?> last = environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow();
        assertThat(last.getName()).isEqualTo(MerchantCredentialsMode.SOURCE_NAME);
        assertThat(((org.springframework.core.env.EnumerablePropertySource<?>) last).getPropertyNames())
                .containsExactlyInAnyOrder("demo.wxpay-simulator.without-credentials", "demo.wxpay.default-base-url");
        assertThat(last.getProperty("delay-close.wxpay.base-url")).isNull();
        assertThat(last.getProperty("demo.wxpay-simulator.enabled")).isNull();
    }

    /** Through SpringApplication itself, which finds the post-processor in spring.factories. */
    @Test
    void commandLineArgumentsOfARealApplicationWin() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE)
                .run("--delay-close.wxpay.api-key=merchant-key", "--delay-close.wxpay.base-url=" + SANDBOX)) {
            assertWeChatPay(context.getEnvironment(), SANDBOX);
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE)
                .run("--delay-close.wxpay.api-key=merchant-key")) {
            assertWeChatPay(context.getEnvironment(), WECHAT_PAY);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
