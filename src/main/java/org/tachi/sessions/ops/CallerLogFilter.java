package org.tachi.sessions.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tachi.sessions.auth.ApiTokenPrincipal;

/**
 * Runs after Spring Security has authenticated the request (and before Spring MVC): puts the
 * caller's user ID into the MDC and hands it to {@link RequestLogFilter}, which logs after Security
 * has already cleared its context. Only the user ID: the principal does not hold the token.
 */
class CallerLogFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof ApiTokenPrincipal caller
                && caller.userID() != null) {
            String userID = String.valueOf(caller.userID());
            request.setAttribute(RequestLogFilter.USER_ID_ATTRIBUTE, userID);
            MDC.put(RequestLogFilter.MDC_USER_ID, userID);
        }
        chain.doFilter(request, response);
    }
}
