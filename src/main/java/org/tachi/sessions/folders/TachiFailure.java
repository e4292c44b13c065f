package org.tachi.sessions.folders;

/**
 * A session on which Tachi's own computation of folder raises throws, so its route answers HTTP 500
 * (ALGORITHM.md section 7 of the folder-raises vectors). Carries the reason for the log, never the client.
 */
class TachiFailure extends RuntimeException {

    TachiFailure(String reason) {
        super(reason, null, false, false);
    }
}
