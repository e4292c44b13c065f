package org.tachi.sessions.auth;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.tachi.sessions.cookie.CookieSessionProperties;
import org.tachi.sessions.envelope.ApiErrorWriter;
import org.tachi.sessions.user.UserRepository;

/**
 * Stateless security: no HTTP session of its own, no form login, no basic auth, no CSRF token
 * (Tachi has none: its login cookie is {@code SameSite=Strict}, see the README). Callers are Tachi
 * login cookie sessions (package {@code cookie}) or API tokens. Every route is reachable at this level; who may change a
 * session is decided by the session service, in Tachi's order (the session must exist first).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CookieSessionProperties.class) // the instance's name, for the ban message
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ObjectProvider<CookieSessions> cookieSessions,
            CookieSessionProperties instance,
            ApiTokenRepository tokens,
            UserRepository users,
            ApiErrorWriter errors)
            throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // The security headers are set by tomcat.SecurityHeadersValve, on every response
                // (Tomcat's own error reports too, which this chain never sees).
                .headers(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .addFilterAfter(
                        new ApiTokenAuthenticationFilter(
                                cookieSessions.getIfAvailable(() -> CookieSessions.NONE),
                                tokens,
                                users,
                                errors,
                                instance.name()),
                        SecurityContextHolderFilter.class)
                .build();
    }

    /**
     * No Micrometer observations of Spring Security's own: with them, every filter of the chain was
     * wrapped in an observation with an event per filter, the chain's long-task timers and an
     * authorization observation, 7% of a PATCH's samples in a profile (docs/benchmark.md, "PATCH profile"),
     * for {@code spring_security_*} metrics nobody reads. Requests are still timed per route by
     * {@code http_server_requests} (docs/operations.md).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** URLs Spring Security's firewall refuses get the JSON envelope too. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ApiErrorWriter errors) {
        return (request, response, rejected) -> errors.write(response, rejected);
    }

    /**
     * Spring's strict firewall, except for methods: which methods a route takes is Spring MVC's
     * business, and an unknown one (e.g. {@code PROPFIND}) is its 405 with {@code Allow}, not a
     * "malformed URL".
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setUnsafeAllowAnyHttpMethod(true);
        return firewall;
    }
}
