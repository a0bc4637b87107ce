package org.linli.alarm;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The offline watch and the event retention run on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AlarmConfiguration {
}
