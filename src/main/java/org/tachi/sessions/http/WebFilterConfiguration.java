package org.tachi.sessions.http;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.tachi.sessions.envelope.ApiErrorWriter;

/**
 * The servlet filters around Spring MVC, in order: CORS (first, so even errors are readable by a
 * browser), Spring Security, the body limit, then revalidation and compression of session pages.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorsProperties.class)
public class WebFilterConfiguration {

    @Bean
    FilterRegistrationBean<BrowserCorsFilter> browserCorsFilter(CorsProperties properties) {
        FilterRegistrationBean<BrowserCorsFilter> registration =
                new FilterRegistrationBean<>(new BrowserCorsFilter(properties));
        // just inside the request log, which wraps everything
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** After security, so its 413 carries the security headers; before anything reads the body. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ApiErrorWriter errors) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(errors));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** GETs of very large sessions opt out of the ETag and stream ({@code session.HeavyGetLimit}). */
    @Bean
    FilterRegistrationBean<EtagFilter> etagFilter() {
        FilterRegistrationBean<EtagFilter> registration = new FilterRegistrationBean<>(new EtagFilter());
        registration.addUrlPatterns("/api/v1/sessions/*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }
}
