package org.tachi.sessions.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.util.DigestUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Revalidation and compression of a session page's data: a strong {@code ETag} from the body,
 * {@code 304 Not Modified} on a matching {@code If-None-Match}, {@code Cache-Control: no-cache}
 * (sessions change, so caches must revalidate), and gzip over 1 KB when the client accepts it.
 * Each representation has its own strong tag (the gzip one ends in {@code -gzip}), since Tomcat
 * would weaken a strong tag on a body it compressed itself; either tag revalidates.
 */
class ConditionalGetFilter extends OncePerRequestFilter {

    static final int GZIP_MIN_BYTES = 1024;

    private static final String GZIP_SUFFIX = "-gzip";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        if (buffered.getStatus() != HttpServletResponse.SC_OK) {
            buffered.copyBodyToResponse();
            return;
        }
        byte[] body = buffered.getContentAsByteArray();
        String hash = DigestUtils.md5DigestAsHex(body);
        boolean gzip = body.length > GZIP_MIN_BYTES && acceptsGzip(request);
        response.setHeader(HttpHeaders.ETAG, "\"" + hash + (gzip ? GZIP_SUFFIX : "") + "\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), hash)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        if (gzip) {
            byte[] compressed = gzip(body);
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            response.setContentLength(compressed.length);
            response.getOutputStream().write(compressed);
            return;
        }
        buffered.copyBodyToResponse();
    }

    /** Weak comparison, as RFC 9110 prescribes for If-None-Match, over both representations' tags. */
    private static boolean matches(String ifNoneMatch, String hash) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            tag = tag.startsWith("W/") ? tag.substring(2) : tag;
            tag = tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
                    ? tag.substring(1, tag.length() - 1)
                    : tag;
            tag = tag.endsWith(GZIP_SUFFIX) ? tag.substring(0, tag.length() - GZIP_SUFFIX.length()) : tag;
            if (tag.equals(hash)) {
                return true;
            }
        }
        return false;
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (accepted == null) {
            return false;
        }
        for (String coding : accepted.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return parts.length < 2 || !parts[1].trim().replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.toByteArray();
    }
}
