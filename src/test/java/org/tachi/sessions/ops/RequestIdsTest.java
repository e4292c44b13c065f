package org.tachi.sessions.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void acceptsBoundedSafeIds() {
        assertThat(RequestIds.acceptOrGenerate("abc-123_DEF.4:5")).isEqualTo("abc-123_DEF.4:5");
        assertThat(RequestIds.acceptOrGenerate("0af7651916cd43dd8448eb211c80319c"))
                .isEqualTo("0af7651916cd43dd8448eb211c80319c");
        String longest = "x".repeat(RequestIds.MAX_LENGTH);
        assertThat(RequestIds.acceptOrGenerate(longest)).isEqualTo(longest);
    }

    @Test
    void generatesAUuidForMissingEmptyOverlongOrUnsafeIds() {
        for (String bad : new String[] {
            null, "", "x".repeat(RequestIds.MAX_LENGTH + 1), "a b", "a\r\nb", "a\"b", "a{b}", "ü", "a/b", "${jndi:x}"
        }) {
            String id = RequestIds.acceptOrGenerate(bad);
            assertThat(id).as(String.valueOf(bad)).isNotEqualTo(bad);
            assertThat(UUID.fromString(id).version()).isEqualTo(4);
        }
    }
}
