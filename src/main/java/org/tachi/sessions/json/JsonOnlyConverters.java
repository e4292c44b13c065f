package org.tachi.sessions.json;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API answers JSON only, as Tachi does. springdoc brings Jackson's YAML module, which Spring MVC
 * would otherwise register as a converter, so that {@code Accept: application/yaml} got a session or
 * an error envelope as YAML (without JavaScript's number printing).
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyConverters {

    @Bean
    ServerHttpMessageConvertersCustomizer noYamlConverter() {
        return converters -> converters.configureMessageConvertersList(list ->
                list.removeIf(converter -> converter.getSupportedMediaTypes().stream()
                        .anyMatch(type -> type.getSubtype().endsWith("yaml"))));
    }
}
