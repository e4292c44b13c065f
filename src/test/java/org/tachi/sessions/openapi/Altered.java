package org.tachi.sessions.openapi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/** A real response with another status and body, to prove that the contract check catches it. */
record Altered<T>(HttpResponse<T> real, int statusCode, T body) implements HttpResponse<T> {

    @Override
    public HttpRequest request() {
        return real.request();
    }

    @Override
    public Optional<HttpResponse<T>> previousResponse() {
        return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
        return real.headers();
    }

    @Override
    public Optional<SSLSession> sslSession() {
        return Optional.empty();
    }

    @Override
    public URI uri() {
        return real.uri();
    }

    @Override
    public HttpClient.Version version() {
        return real.version();
    }
}
