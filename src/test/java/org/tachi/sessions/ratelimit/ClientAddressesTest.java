package org.tachi.sessions.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Whose address a request counts against, including what a client may try to put in the header. */
class ClientAddressesTest {

    final ClientAddresses behindProxies = new ClientAddresses(List.of("10.0.0.0/8", "::1"));

    @Test
    void oneClientHasOneKeyWhateverTheSpellingOfItsAddress() {
        assertThat(ClientAddresses.normalise("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(ClientAddresses.normalise("2001:DB8:0:0::1")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(ClientAddresses.normalise("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0:0:0:0:1");
    }

    @Test
    void anythingButAnIpLiteralIsNotAnAddressAndIsNeverLookedUp() {
        for (String notAnAddress : new String[] {
            "localhost",
            "unknown",
            "proxy.example",
            "999.1.1.1",
            "1.2.3",
            "192.0.2.1:8080",
            "[::1]",
            "fe80::1%eth0",
            "abc.def",
            ".:",
            "",
            "1:2"
        }) {
            assertThat(ClientAddresses.normalise(notAnAddress)).as(notAnAddress).isNull();
        }
    }

    @Test
    void withoutTrustedProxiesThePeerIsTheClient() {
        MockHttpServletRequest request = from("10.0.0.1", "203.0.113.9");
        assertThat(new ClientAddresses(List.of()).clientOf(request)).isEqualTo("10.0.0.1");
    }

    @Test
    void theFirstUntrustedAddressFromTheRightIsTheClient() {
        assertThat(behindProxies.clientOf(from("10.0.0.1", "198.51.100.1, 203.0.113.9, 10.1.1.1")))
                .isEqualTo("203.0.113.9");
        assertThat(behindProxies.clientOf(from("0:0:0:0:0:0:0:1", "203.0.113.9")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void severalHeaderLinesAreOneList() {
        MockHttpServletRequest request = from("10.0.0.1", "198.51.100.1");
        request.addHeader("X-Forwarded-For", "203.0.113.9");
        assertThat(behindProxies.clientOf(request)).isEqualTo("203.0.113.9");
    }

    @Test
    void aMalformedEntryEndsTheWalkAtTheLastGoodAddress() {
        assertThat(behindProxies.clientOf(from("10.0.0.1", "203.0.113.9, garbage, 10.2.2.2")))
                .isEqualTo("10.2.2.2");
        assertThat(behindProxies.clientOf(from("10.0.0.1", ""))).isEqualTo("10.0.0.1");
    }

    @Test
    void onlyProxiesAreTrustedSoAllTrustedMeansTheLeftmost() {
        assertThat(behindProxies.clientOf(from("10.0.0.1", "10.9.9.9, 10.1.1.1")))
                .isEqualTo("10.9.9.9");
    }

    @Test
    void hostNamesAndBadRangesAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ClientAddresses.matcher("proxy.example"));
        assertThatIllegalArgumentException().isThrownBy(() -> ClientAddresses.matcher("10.0.0.0/40"));
        assertThatIllegalArgumentException().isThrownBy(() -> ClientAddresses.matcher("localhost"));
    }

    private static MockHttpServletRequest from(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/sessions/Q1");
        request.setRemoteAddr(peer);
        request.addHeader("X-Forwarded-For", forwardedFor);
        return request;
    }
}
