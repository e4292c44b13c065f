package org.tachi.sessions.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Tachi's JSON envelope, used for every response of the API, success or error.
 * {@code body} is left out when there is none, as Tachi does for errors.
 */
public record ApiResponse(
        boolean success,
        String description,
        @JsonInclude(JsonInclude.Include.NON_NULL) Object body) {

    public static ApiResponse ok(String description, Object body) {
        return new ApiResponse(true, description, body);
    }

    public static ApiResponse error(String description) {
        return new ApiResponse(false, description, null);
    }
}
