package org.linli;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;

/**
 * Spring Data JDBC quotes table and column names by default, which makes them case-sensitive: H2 then looks
 * for {@code "bd_county"} while Flyway created {@code BD_COUNTY}. Unquoted names work on H2 and PostgreSQL alike.
 */
@Configuration(proxyBeanMethods = false)
class JdbcMappingConfiguration {

    @Bean
    static BeanPostProcessor unquotedJdbcNames() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcMappingContext context) {
                    context.setForceQuote(false);
                }
                return bean;
            }
        };
    }
}
