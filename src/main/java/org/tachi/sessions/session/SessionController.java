package org.tachi.sessions.session;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tachi.sessions.auth.ApiTokenPrincipal;
import org.tachi.sessions.envelope.ApiErrors;
import org.tachi.sessions.envelope.ApiException;
import org.tachi.sessions.envelope.ApiResponse;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/sessions/{sessionID}")
class SessionController {

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @GetMapping
    ApiResponse get(@PathVariable String sessionID) {
        SessionView view = sessions.get(sessionID);
        return ApiResponse.ok("Successfully returned session " + view.session().get("name") + ".", view);
    }

    /**
     * Any other path under a session, whatever the method: as in Tachi's router, the session is looked up
     * first (404 "This session does not exist."), then the path is an unknown endpoint (404).
     */
    @RequestMapping("/{subPath}/**")
    ApiResponse unknownSubPath(@PathVariable String sessionID) {
        sessions.requireExisting(sessionID);
        throw new ApiException(HttpStatus.NOT_FOUND, ApiErrors.describe(HttpStatus.NOT_FOUND.value()));
    }

    /** The body is bound loosely: validating it is the service's job, after the ownership checks. */
    @PatchMapping
    ApiResponse update(
            @PathVariable String sessionID,
            @AuthenticationPrincipal @Nullable ApiTokenPrincipal caller,
            @RequestBody(required = false) @Nullable JsonNode body) {
        return ApiResponse.ok("Updated Session.", sessions.update(sessionID, caller, body));
    }
}
