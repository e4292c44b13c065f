package org.tachi.sessions.auth;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.tachi.sessions.envelope.ApiErrorWriter;
import org.tachi.sessions.envelope.ApiErrors;
import org.tachi.sessions.user.UserRepository;

/**
 * Stateless security: no HTTP session of its own, no form login, no basic auth, no CSRF token
 * (Tachi has none: its login cookie is {@code SameSite=Strict}, see the README). Callers are Tachi
 * login cookie sessions (package {@code cookie}) or API tokens. Every route is reachable at this level; who may change a
 * session is decided by the session service, in Tachi's order (the session must exist first).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ObjectProvider<CookieSessions> cookieSessions,
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
                // Helmet's defaults, as far as they fit a JSON API; caching is the ConditionalGetFilter's.
                .headers(headers -> headers.cacheControl(cache -> cache.disable())
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .addFilterAfter(
                        new ApiTokenAuthenticationFilter(
                                cookieSessions.getIfAvailable(() -> CookieSessions.NONE), tokens, users, errors),
                        SecurityContextHolderFilter.class)
                .build();
    }

    /** URLs Spring Security's firewall refuses get the JSON envelope too. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ApiErrorWriter errors) {
        return (request, response, rejected) ->
                errors.write(response, 400, ApiErrors.of(rejected).description());
    }
}
