package org.tachi.sessions.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import tools.jackson.core.io.NumberOutput;

/**
 * Formats doubles exactly as JavaScript's {@code Number.prototype.toString} does, which is how
 * Tachi's own server prints every number: {@code 1619454485988}, not {@code 1.619454485988E12};
 * {@code 0}, not {@code 0.0}; {@code 1e-7}, {@code 1e+21}.
 */
public final class JsNumbers {

    private JsNumbers() {}

    /**
     * @return the JavaScript text of a finite double (callers print NaN and infinities as
     * {@code null}, as JSON.stringify does)
     */
    public static String format(double value) {
        if (value == 0) {
            return "0"; // also -0, which JavaScript prints as 0
        }
        // Schubfach gives the shortest decimal that reads back to the same double, as JavaScript
        // requires; Double.toString on Java 17 does not always.
        BigDecimal shortest = new BigDecimal(NumberOutput.toString(Math.abs(value), true)).stripTrailingZeros();
        // Java prints at least two significant digits (4.9E-324); JavaScript takes one when one
        // reads back to the same double (5e-324). Only subnormals ever differ.
        BigDecimal oneDigit = shortest.round(new MathContext(1, RoundingMode.HALF_EVEN));
        if (oneDigit.doubleValue() == Math.abs(value)) {
            shortest = oneDigit.stripTrailingZeros();
        }
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = 0.digits × 10^n
        String sign = value < 0 ? "-" : "";
        if (k <= n && n <= 21) {
            return sign + digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return sign + digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return sign + "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }
}
