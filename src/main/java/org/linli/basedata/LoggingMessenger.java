package org.linli.basedata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default {@link OutboundMessenger}: writes one log line per message and sends nothing. It is what runs
 * until an SMS or WeChat adapter bean is provided; documented as such in the README.
 */
class LoggingMessenger implements OutboundMessenger {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingMessenger.class);

    @Override
    public void send(Notifications.Recipient recipient, String title, String body) {
        LOG.info("Message to {}: {}", recipient, title);
    }

    @Configuration(proxyBeanMethods = false)
    static class LoggingMessengerConfiguration {

        @Bean
        @ConditionalOnMissingBean(OutboundMessenger.class)
        OutboundMessenger loggingMessenger() {
            return new LoggingMessenger();
        }
    }
}
