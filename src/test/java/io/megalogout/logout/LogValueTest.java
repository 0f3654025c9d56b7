package io.megalogout.logout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A log line's values: plain ones as they are, any other quoted, with what could end the value or the line escaped. */
class LogValueTest {

    @ParameterizedTest
    @ValueSource(strings = { "req-1", "cust_1.main", "sqs:AROAEXAMPLE:i-0abc@worker.1", "2001:db8::1", "3/10", "a+b,c",
            "MegaApiUnavailableException", "-" })
    void writesAPlainValueAsItIs(String value) {
        assertThat(LogValue.of(value)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "''|\"\"",
            "a b|\"a b\"",
            "a=b|\"a=b\"",
            "a\"b|\"a\\\"b\"",
            "a\\b|\"a\\\\b\"",
            "caf\u00e9|\"caf\u00e9\"" })
    void quotesAnyOtherValue(String value, String written) {
        assertThat(LogValue.of(value)).isEqualTo(written);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0000|\\u0000", "000a|\\u000a", "000d|\\u000d", "001f|\\u001f", "007f|\\u007f", "0085|\\u0085", "009f|\\u009f",
            "2028|\\u2028", "2029|\\u2029" })
    void writesEachControlAndSeparatorAsAnEscape(String hex, String escape) {
        String value = "x" + (char) Integer.parseInt(hex, 16) + "y";

        assertThat(LogValue.of(value)).isEqualTo("\"x" + escape + "y\"");
        assertThat(LogValue.quoted(value)).isEqualTo("\"x" + escape + "y\"");
    }

    @ParameterizedTest
    @ValueSource(strings = { "a", "req-1" })
    void quotesADetailEvenWhenItIsPlain(String value) {
        assertThat(LogValue.quoted(value)).isEqualTo("\"" + value + "\"");
    }
}
