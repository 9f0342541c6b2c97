package io.github.delayclose.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.delayclose.alipay.AlipayPaymentGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** An Alipay-only shop: {@code WXPAY_V2=false ALIPAY_SIMULATOR=true}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "demo.alipay.enabled=true", "demo.alipay.port=0" })
class AlipayOnlyShopIT extends OneGatewayShopIT {

    @Test
    void ordersArePaidAndClosedAtAlipay() throws Exception {
        assertThat(gateway).isInstanceOf(AlipayPaymentGateway.class);
        ordersArePaidAndClosedAtTheOneGateway("alipay", "TRADE_CLOSED");
        assertThat(send("POST", "/api/orders", "{\"items\":[{\"skuId\":\"x\",\"num\":1}],\"channel\":\"wxpay\"}")
                .statusCode()).as("WeChat Pay is not taken").isEqualTo(400);
    }
}
