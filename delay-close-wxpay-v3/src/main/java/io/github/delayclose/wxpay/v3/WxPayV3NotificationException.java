package io.github.delayclose.wxpay.v3;

/**
 * A WeChat Pay v3 notification that cannot be believed: not signed by WeChat Pay, too old, not
 * decryptable with our API v3 key, for another merchant, or incomplete. Answer WeChat with a 4xx or
 * 5xx status and {@link WxPayV3NotificationParser#failReply(String)}; it will send again.
 */
public class WxPayV3NotificationException extends RuntimeException {

    public WxPayV3NotificationException(String message) {
        super(message);
    }

    public WxPayV3NotificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
