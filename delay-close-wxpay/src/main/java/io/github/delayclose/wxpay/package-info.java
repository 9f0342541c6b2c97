/**
 * A WeChat Pay v2 {@link io.github.delayclose.core.spi.PaymentGateway}
 * ({@link io.github.delayclose.wxpay.WxPayPaymentGateway}), configured by
 * {@link io.github.delayclose.wxpay.WxPaySettings}, plus a hardened parser for WeChat's
 * payment notifications ({@link io.github.delayclose.wxpay.WxPayNotificationParser}).
 *
 * <p>Requests are signed and written by {@code delay-close-wxpay-protocol} and sent by
 * {@code delay-close-provider-http}; wxpay-sdk is not needed. Its {@code WXPayUtil.xmlToMap}
 * accepts DTDs in 0.0.3 (the 2018 XXE advisory), its {@code mapToXml} builds a DOM and a
 * {@code Transformer} per request, and its {@code HttpURLConnection} transport leaks a connection
 * per error status, bounds each read rather than the call, buffers a whole answer before checking
 * its size and follows redirects. Answers and notifications are read by a parser that refuses any
 * DOCTYPE, and their signatures are checked before anything is believed.
 */
package io.github.delayclose.wxpay;
