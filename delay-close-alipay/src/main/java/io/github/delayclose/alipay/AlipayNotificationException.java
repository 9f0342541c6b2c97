package io.github.delayclose.alipay;

/**
 * An Alipay notification that cannot be believed: not signed by Alipay, for another app, or
 * incomplete. Answer Alipay with {@link AlipayNotificationParser#FAILURE_REPLY}; it will send again.
 */
public class AlipayNotificationException extends RuntimeException {

    public AlipayNotificationException(String message) {
        super(message);
    }
}
