package org.tachi.sessions.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tachi.sessions.envelope.ApiErrorWriter;
import org.tachi.sessions.envelope.ApiErrors;
import org.tachi.sessions.envelope.RequestBodyTooLargeException;

/**
 * Tachi's 4 MB body limit: a declared length over it is refused at once with 413; a chunked body
 * is counted as it is read and fails with 413 when it passes the limit. Also the one body check
 * Spring cannot make: a {@code Content-Type} with a wildcard ({@code *}{@code /*}, {@code application/*})
 * names no media type, and on a PATCH without a body (where the mapping's {@code consumes} is
 * skipped) Spring's header parsing throws on it, a 500; it is a 415 with or without a body.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    static final long LIMIT_BYTES = 4L * 1024 * 1024;

    private final ApiErrorWriter errors;

    RequestBodyLimitFilter(ApiErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > LIMIT_BYTES) {
            errors.write(response, 413, ApiErrors.BODY_TOO_LARGE);
            return;
        }
        if (mayCarryBody(request) && namesNoMediaType(request.getContentType())) {
            errors.write(response, 415, ApiErrors.describe(415));
            return;
        }
        chain.doFilter(new LimitedRequest(request), response);
    }

    private static boolean mayCarryBody(HttpServletRequest request) {
        return !Set.of("GET", "HEAD", "OPTIONS").contains(request.getMethod());
    }

    private static boolean namesNoMediaType(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unparseable) {
            return false; // the mapping's consumes answers it (415)
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream());
            }
            return limited;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;

        private long count;

        LimitedInputStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws RequestBodyTooLargeException {
            count += n;
            if (count > LIMIT_BYTES) {
                throw new RequestBodyTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
