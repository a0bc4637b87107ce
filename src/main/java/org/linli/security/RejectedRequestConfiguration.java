package org.linli.security;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The firewall's refusals in the problem shape: without this bean Spring Security answers them through the servlet
 * error page, a body without a reason (found by MalformedInputFaultIT).
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequestConfiguration {

    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return ProblemSecurityHandlers.rejected(json);
    }
}
