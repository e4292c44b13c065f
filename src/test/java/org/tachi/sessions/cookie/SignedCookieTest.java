package org.tachi.sessions.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** express-session's cookie signature, checked against the values Tachi's login set. */
class SignedCookieTest {

    static final String ALICE = CookieSamples.text("/facts/cookie/urlEncodedValue");

    @Test
    void tachisSignatureIsTheUnpaddedBase64HmacSha256OfTheSid() {
        assertThat(SignedCookie.sign("A1zN84EuvWPwcs3UJv2V9-m9kjO43vTj", CookieSamples.SECRET))
                .isEqualTo(
                        "A1zN84EuvWPwcs3UJv2V9-m9kjO43vTj." + CookieSamples.text("/steps/1/signatureCheck/expected"));
        assertThat(SignedCookie.sessionID(ALICE, List.of(CookieSamples.SECRET)))
                .contains("A1zN84EuvWPwcs3UJv2V9-m9kjO43vTj");
    }

    @Test
    void anyConfiguredSecretVerifiesSoASecretCanBeRotated() {
        assertThat(SignedCookie.sessionID(ALICE, List.of("new-secret", CookieSamples.SECRET)))
                .isPresent();
        assertThat(SignedCookie.sessionID(ALICE, List.of(CookieSamples.SECRET, "old-secret")))
                .isPresent();
        assertThat(SignedCookie.sessionID(ALICE, List.of("new-secret", "old-secret")))
                .isEmpty();
    }

    @Test
    void theValueIsUrlDecodedWithoutTurningPlusIntoASpace() {
        String bob =
                CookieSamples.text("/steps/" + CookieSessionSamplesTest.index("login cookie_bob") + "/cookie/value");
        assertThat(bob).contains("+");
        assertThat(SignedCookie.sessionID(bob, List.of(CookieSamples.SECRET)))
                .contains("VButd9zdx1LnCscJ4ixBwP4EJr5i6fSF");
    }

    @Test
    void unsignedMalformedOrTamperedValuesAreNoSession() {
        List<String> secrets = List.of(CookieSamples.SECRET);
        assertThat(SignedCookie.sessionID("A1zN84EuvWPwcs3UJv2V9-m9kjO43vTj", secrets))
                .isEmpty();
        assertThat(SignedCookie.sessionID("s%3AA1zN84EuvWPwcs3UJv2V9-m9kjO43vTj", secrets))
                .isEmpty();
        assertThat(SignedCookie.sessionID(ALICE.substring(0, ALICE.length() - 1) + "A", secrets))
                .isEmpty();
        assertThat(SignedCookie.sessionID("s%3A%E0%A4%A.x", secrets)).isEmpty();
        assertThat(SignedCookie.sessionID("", secrets)).isEmpty();
    }
}
