package org.tachi.sessions.session;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

    /** Sessions change, so caches revalidate every time (ETag and 304: the ETag filter, http package). */
    @GetMapping
    ResponseEntity<ApiResponse> get(@PathVariable String sessionID) {
        SessionPage page = sessions.get(sessionID);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .body(ApiResponse.ok(
                        "Successfully returned session " + page.session().get("name") + ".", page));
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

    /**
     * The body is bound loosely: validating it is the service's job, after the ownership checks.
     * {@code consumes} makes any other Content-Type (wildcards such as {@code *}{@code /*} included) a 415.
     */
    @PatchMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    ApiResponse update(
            @PathVariable String sessionID,
            @AuthenticationPrincipal @Nullable ApiTokenPrincipal caller,
            @RequestBody(required = false) @Nullable JsonNode body) {
        return ApiResponse.ok("Updated Session.", sessions.update(sessionID, caller, body));
    }
}
