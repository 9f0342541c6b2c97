/**
 * A WeChat Pay v2 {@link io.github.delayclose.core.spi.PaymentGateway} on wxpay-sdk 0.0.3
 * ({@link io.github.delayclose.wxpay.WxPayPaymentGateway}), configured by
 * {@link io.github.delayclose.wxpay.WxPaySettings}, plus a hardened parser for WeChat's
 * payment notifications ({@link io.github.delayclose.wxpay.WxPayNotificationParser}).
 *
 * <p>The SDK builds, signs and sends requests. Nothing here uses its {@code WXPayUtil.xmlToMap},
 * which accepts DTDs in 0.0.3 (the 2018 XXE advisory): answers and notifications are read by a
 * parser that refuses any DOCTYPE, and their signatures are checked before anything is believed.
 * Add {@code com.github.wxpay:wxpay-sdk} to use the gateway; the notification parser needs only the JDK.
 */
package io.github.delayclose.wxpay;
