package io.github.delayclose.wxpay.simulator;

/** WeChat Pay v2's {@code trade_state} values, with the descriptions WeChat sends beside them. */
public enum SimulatedTradeState {

    SUCCESS("支付成功"),
    REFUND("转入退款"),
    NOTPAY("订单未支付"),
    CLOSED("订单已关闭"),
    REVOKED("已撤销（刷卡支付）"),
    USERPAYING("用户支付中"),
    PAYERROR("支付失败(其他原因，如银行返回失败)"),
    ACCEPT("已接收，等待扣款");

    private final String description;

    SimulatedTradeState(String description) {
        this.description = description;
    }

    /** The {@code trade_state_desc} WeChat sends with this state. */
    public String description() {
        return description;
    }

    /** Whether money was taken: such an order carries a {@code transaction_id} and {@code time_end}. */
    public boolean isPaid() {
        return this == SUCCESS || this == REFUND;
    }
}
