package org.tachi.sessions.envelope;

import java.io.IOException;

/** A request body passed the 4 MB limit while it was being read. */
public class RequestBodyTooLargeException extends IOException {

    public RequestBodyTooLargeException() {
        super("request body over the limit", null);
    }
}
