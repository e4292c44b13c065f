package org.tachi.sessions.web;

import java.io.IOException;

/** A request body passed the 4 MB limit while it was being read. */
class RequestBodyTooLargeException extends IOException {

    RequestBodyTooLargeException() {
        super("request body over the limit", null);
    }
}
