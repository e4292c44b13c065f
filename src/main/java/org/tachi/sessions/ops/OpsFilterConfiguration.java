package org.tachi.sessions.ops;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class OpsFilterConfiguration {

    /** First of all filters, so even a request refused early (413, 401) is logged with its ID. */
    @Bean
    FilterRegistrationBean<RequestLogFilter> requestLogFilter() {
        FilterRegistrationBean<RequestLogFilter> registration = new FilterRegistrationBean<>(new RequestLogFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** After Spring Security's filter chain (order -100), where the caller is known. */
    @Bean
    FilterRegistrationBean<CallerLogFilter> callerLogFilter() {
        FilterRegistrationBean<CallerLogFilter> registration = new FilterRegistrationBean<>(new CallerLogFilter());
        registration.setOrder(0);
        return registration;
    }
}
