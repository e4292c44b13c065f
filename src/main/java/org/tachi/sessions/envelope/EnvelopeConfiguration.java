package org.tachi.sessions.envelope;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
public class EnvelopeConfiguration {

    /**
     * After the request log (first), CORS and Spring's HTTP metrics (both first + 1), so they all
     * record the status this filter writes; before Spring Security and everything else.
     */
    @Bean
    FilterRegistrationBean<ApiErrorFilter> apiErrorFilter(ApiErrorWriter errors) {
        FilterRegistrationBean<ApiErrorFilter> registration = new FilterRegistrationBean<>(new ApiErrorFilter(errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
