package org.tachi.sessions.http;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Tachi ignores {@code Accept} and answers JSON: so does this service, instead of Spring's empty 406
 * (computed after the whole GET) for {@code Accept: text/html} or {@code application/xml}.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyConfiguration implements WebMvcConfigurer {

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer negotiation) {
        // JSON first; anything else only where JSON is not on offer (the Prometheus scrape).
        negotiation.ignoreAcceptHeader(true).defaultContentType(MediaType.APPLICATION_JSON, MediaType.ALL);
    }
}
