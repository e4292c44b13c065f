package org.tachi.sessions.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsNumbersTest {

    /** Expected values are what node prints for {@code String(value)}. */
    @ParameterizedTest
    @CsvSource({
        "1619454485988, 1619454485988",
        "0.0, 0",
        "-0.0, 0",
        "1.0, 1",
        "-3.0, -3",
        "99.123, 99.123",
        "0.30000000000000004, 0.30000000000000004",
        "-10.969999999999999, -10.969999999999999",
        "0.000001, 0.000001",
        "0.0000001, 1e-7",
        "1.5e-10, 1.5e-10",
        "100000000000000000000, 100000000000000000000",
        "1e21, 1e+21",
        "1.2345e25, 1.2345e+25",
        "5e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "123456789.125, 123456789.125",
        "2e-3, 0.002"
    })
    void formatsLikeJavaScript(double value, String expected) {
        assertThat(JsNumbers.format(value)).isEqualTo(expected);
    }
}
