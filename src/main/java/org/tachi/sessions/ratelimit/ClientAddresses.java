package org.tachi.sessions.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.util.StringUtils;

/**
 * The client IP a request is counted against. The direct peer, unless it is a trusted proxy: then
 * {@code X-Forwarded-For} is read from the right (each proxy appends the address it saw), skipping
 * trusted proxies, and the first address that is not one is the client. That is Express's
 * {@code trust proxy} rule (proxy-addr), which Tachi uses; a client can put anything at the left of the
 * header, but never the entries its trusted proxies append. An entry that is not an IP literal ends
 * the walk at the last address known good. Addresses are normalised ({@code ::ffff:1.2.3.4} is
 * {@code 1.2.3.4}) so one client has one bucket.
 */
final class ClientAddresses {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    /** Starts with a hex digit or a colon and holds a colon: InetAddress parses it and never looks it up. */
    private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private final List<IpAddressMatcher> trustedProxies;

    ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies =
                trustedProxies.stream().map(ClientAddresses::matcher).toList();
    }

    /** A matcher for one configured IP or CIDR range; rejects host names (no DNS lookup, ever). */
    static IpAddressMatcher matcher(String ipOrRange) {
        String trimmed = ipOrRange.trim();
        String address = trimmed.contains("/") ? trimmed.substring(0, trimmed.indexOf('/')) : trimmed;
        IllegalArgumentException refused = new IllegalArgumentException(
                "tachi.rate-limit.trusted-proxies: '" + ipOrRange + "' is not an IP address or CIDR range");
        if (normalise(address) == null) {
            throw refused;
        }
        try {
            return new IpAddressMatcher(trimmed);
        } catch (IllegalArgumentException badMask) {
            refused.initCause(badMask);
            throw refused;
        }
    }

    String clientOf(HttpServletRequest request) {
        String peer = normalise(request.getRemoteAddr());
        String client = peer == null ? request.getRemoteAddr() : peer;
        if (trustedProxies.isEmpty() || !isTrusted(client)) {
            return client;
        }
        List<String> hops = forwardedFor(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = normalise(hops.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        return trustedProxies.stream().anyMatch(proxy -> proxy.matches(address));
    }

    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : StringUtils.commaDelimitedListToStringArray(header)) {
                hops.add(hop.trim());
            }
        }
        return hops;
    }

    /** The canonical text of an IP literal, or null if it is not one (never resolves a host name). */
    static @Nullable String normalise(@Nullable String address) {
        if (address == null
                || !(IPV4.matcher(address).matches() || IPV6.matcher(address).matches())) {
            return null;
        }
        try {
            // a literal of these characters is parsed, never looked up
            return InetAddress.getByName(address).getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }
}
