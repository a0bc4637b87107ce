package org.linli.tracking;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Elasticsearch client (Spring Boot's, from {@code spring.elasticsearch.*}) speaks the application's JSON. */
@Configuration(proxyBeanMethods = false)
class TrackingConfiguration {

    /** Java time as ISO strings, no nulls, unknown fields ignored (older documents during a mapping change). */
    @Bean
    JsonpMapper trackingJsonpMapper(ObjectMapper json) {
        return new JacksonJsonpMapper(json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
    }
}
