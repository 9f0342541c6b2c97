package io.github.delayclose.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.delayclose.core.doubles.CallLog;
import io.github.delayclose.core.doubles.ScriptedPaymentGateway;
import io.github.delayclose.core.metrics.DelayCloseObservations;
import io.github.delayclose.core.metrics.MicrometerDelayCloseMetrics;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

/** Each provider call is timed by operation and answer, errors included, and observed with the order id. */
class ObservedPaymentGatewayTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final List<Observation.Context> observed = new CopyOnWriteArrayList<>();
    private final ScriptedPaymentGateway provider = new ScriptedPaymentGateway(new CallLog());
    private final ObservedPaymentGateway gateway = new ObservedPaymentGateway(provider,
            new MicrometerDelayCloseMetrics(meters), observations());

    @Test
    void answersAreTimedByOperationAndAnswer() {
        provider.query(TradeReport.unpaid(TradeState.NOTPAY)).close(TradeCloseResult.CLOSED);

        assertThat(gateway.queryTrade("o1").state()).isEqualTo(TradeState.NOTPAY);
        assertThat(gateway.closeOrder("o1")).isEqualTo(TradeCloseResult.CLOSED);

        assertThat(calls("query", "NOTPAY")).isEqualTo(1);
        assertThat(calls("close", "CLOSED")).isEqualTo(1);
        assertThat(calls("query", "ERROR")).isZero();
        assertThat(observed).extracting(context -> context.getLowCardinalityKeyValue("operation").getValue())
                .containsExactly("query", "close");
        assertThat(observed).allSatisfy(context -> {
            assertThat(context.getName()).isEqualTo(DelayCloseObservations.PROVIDER_CALL);
            assertThat(context.getHighCardinalityKeyValue(DelayCloseObservations.ORDER_ID).getValue()).isEqualTo("o1");
        });
    }

    @Test
    void aCallWithoutATrustworthyAnswerIsTimedAsAnErrorAndStillThrows() {
        provider.queryFails("SYSTEMERROR");

        assertThatThrownBy(() -> gateway.queryTrade("o2")).isInstanceOf(PaymentGatewayException.class);

        assertThat(calls("query", "ERROR")).isEqualTo(1);
        assertThat(observed).singleElement().satisfies(context -> {
            assertThat(context.getError()).isInstanceOf(PaymentGatewayException.class);
            assertThat(context.getLowCardinalityKeyValue("result").getValue()).isEqualTo("ERROR");
        });
    }

    private long calls(String operation, String result) {
        return meters.get("delay.close.provider.calls").tag("operation", operation).tag("result", result).timer().count();
    }

    private ObservationRegistry observations() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                observed.add(context);
            }
        });
        return registry;
    }
}
