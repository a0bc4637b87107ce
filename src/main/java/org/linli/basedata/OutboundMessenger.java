package org.linli.basedata;

/**
 * Sends a copy of a notification outside the platform (SMS, WeChat). Production adapters implement this;
 * the built-in {@link LoggingMessenger} only logs, with phone numbers masked.
 */
public interface OutboundMessenger {

    void send(Notifications.Recipient recipient, String title, String body);
}
