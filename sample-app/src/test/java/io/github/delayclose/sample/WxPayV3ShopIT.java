package io.github.delayclose.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.delayclose.wxpay.v3.WxPayV3PaymentGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** A shop on WeChat Pay v3 instead of v2: {@code WXPAY_V2=false WXPAY_V3=true}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "demo.wxpay-v3.enabled=true", "demo.wxpay-v3.port=0" })
class WxPayV3ShopIT extends OneGatewayShopIT {

    @Test
    void ordersArePaidAndClosedAtWeChatPayV3() throws Exception {
        assertThat(gateway).isInstanceOf(WxPayV3PaymentGateway.class);
        ordersArePaidAndClosedAtTheOneGateway("wxpay", "CLOSED");
    }
}
