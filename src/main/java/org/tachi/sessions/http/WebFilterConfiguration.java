package org.tachi.sessions.http;

import jakarta.servlet.Filter;
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
        // just inside the request log, which wraps everything
        return registered(new BrowserCorsFilter(properties), Ordered.HIGHEST_PRECEDENCE + 1);
    }

    /** After security, so its 413 carries the security headers; before anything reads the body. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ApiErrorWriter errors) {
        return registered(new RequestBodyLimitFilter(errors), SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
    }

    /** GETs of very large sessions opt out of the ETag and stream ({@code session.HeavyGetLimit}). */
    @Bean
    FilterRegistrationBean<EtagFilter> etagFilter() {
        return registered(new EtagFilter(), SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2, "/api/v1/sessions/*");
    }

    /** The filter at this order, on these URL patterns (none: every request). */
    private static <F extends Filter> FilterRegistrationBean<F> registered(F filter, int order, String... urlPatterns) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(order);
        registration.addUrlPatterns(urlPatterns);
        return registration;
    }
}
