package io.github.delayclose.wxpay;

/**
 * A payment notification that must not be believed: malformed, with a DTD, unsigned, wrongly
 * signed, for another merchant, or missing a field. Answer it with
 * {@link WxPayNotificationParser#failReply(String)}; the message never contains the API key or
 * the notification body.
 */
public class WxPayNotificationException extends RuntimeException {

    public WxPayNotificationException(String message) {
        super(message);
    }
}
