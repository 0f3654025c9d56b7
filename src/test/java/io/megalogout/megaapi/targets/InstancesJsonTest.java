package io.megalogout.megaapi.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.megalogout.TokenNeverLogged;
import io.megalogout.error.InstanceNotConfiguredException;
import io.megalogout.megaapi.MegaApiHosts;

/**
 * An instances source's JSON: each entry that breaks the rules is refused alone, naming what is wrong and never a
 * value; the others serve. Text that is not one JSON object refuses the whole source. (TokenNeverLogged fails any of
 * these tests that logs the token.)
 */
class InstancesJsonTest {

    private static final String SOURCE = "secret 'megaapi/instances'";
    private static final String TOKEN = MegaApiHosts.CUSTOMER_TOKEN;
    private static final String MIXED = "{\"good\": {\"token\": \"" + TOKEN + "\", \"base-url\": \"https://good.example\"},"
            + " \"host-only\": {\"base-url\": \"https://host.example\"},"
            + " \"plain\": {\"token\": \"" + TOKEN + "\", \"base-url\": \"http://plain.example\"},"
            + " \"misspelt\": {\"token\": \"" + TOKEN + "\", \"baseUrl\": \"https://misspelt.example\"},"
            + " \"a/b\": {\"token\": \"" + TOKEN + "\"}}";

    @Test
    void servesEveryValidEntryBesideRefusedOnes() {
        InstanceEntries entries = InstancesJson.parse(MIXED, SOURCE, false);

        assertThat(entries.valid()).containsOnlyKeys("good", "host-only");
        assertThat(entries.of("good").orElseThrow().token()).contains(new BearerToken(TOKEN));
        assertThat(entries.of("good").orElseThrow().baseUrl()).contains("https://good.example");
        assertThat(entries.refused()).containsOnlyKeys("plain", "misspelt", "a/b");
        assertThat(entries.of("unlisted")).isEmpty();
    }

    @Test
    void aRefusedEntrysKeyIsNotConfiguredNamingWhatIsWrongWithItsEntry() {
        InstanceEntries entries = InstancesJson.parse(MIXED, SOURCE, false);

        assertThatThrownBy(() -> entries.of("plain")).isInstanceOf(InstanceNotConfiguredException.class)
                .hasMessageStartingWith("Instance 'plain' is not configured in this deployment: its entry in " + SOURCE
                        + " is refused: its base-url is plain http://")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void logsOneErrorLinePerRefusedEntryNamingItsKeyAndWhatIsWrong() {
        InstancesJson.parse(MIXED, SOURCE, false);

        assertThat(TokenNeverLogged.captured().lines().filter(line -> line.contains("instances entry-refused")))
                .containsExactlyInAnyOrder(
                        "ERROR: instances entry-refused source=\"" + SOURCE + "\" instanceKey=plain detail=\"its "
                                + "base-url is plain http:// and would send the token unencrypted; use https:// or set "
                                + "megaapi.allow-plain-http=true\"",
                        "ERROR: instances entry-refused source=\"" + SOURCE + "\" instanceKey=misspelt detail=\"it "
                                + "has an unknown field (only token and base-url)\"",
                        "ERROR: instances entry-refused source=\"" + SOURCE + "\" instanceKey=a/b detail=\"its key "
                                + "is not a valid instance key (1 to 128 of A-Z a-z 0-9 - _ ., not starting with '.', "
                                + "without '..')\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"token": "bad token TOKEN"}                                  | its token is not a bearer token
            {"token": 42}                                                 | its token is not a non-empty string
            {"token": "  "}                                               | its token is not a non-empty string
            {"base-url": ["https://c.example"]}                           | its base-url is not a non-empty string
            {"token": "TOKEN", "base-url": "https://u:TOKEN@c.example"}   | its base-url must be scheme://host[:port][/path]
            {"token": "TOKEN", "base-url": "ftp://c.example"}             | its base-url must be an https:// URL
            "TOKEN"                                                       | it is not a JSON object with token and/or base-url
            {"token": "TOKEN", "extra": "TOKEN", "more": 1}               | it has an unknown field (only token and base-url)
            """)
    void namesWhatIsWrongWithAnEntryWithoutQuotingAValue(String entry, String reason) {
        String json = "{\"k\": " + entry.replace("TOKEN", TOKEN) + ", \"good\": {\"token\": \"" + TOKEN + "\"}}";

        InstanceEntries entries = InstancesJson.parse(json, SOURCE, false);

        assertThat(entries.refused().get("k")).startsWith(reason).doesNotContain(TOKEN).doesNotContain("c.example");
        assertThat(entries.valid()).containsOnlyKeys("good");
    }

    @Test
    void namesEveryProblemOfAnEntry() {
        InstanceEntries entries = InstancesJson.parse(
                "{\"k\": {\"token\": \"bad token\", \"base-url\": \"http://c.example\", \"baseUrl\": \"x\"}}", SOURCE,
                false);

        assertThat(entries.refused().get("k")).contains("unknown field", "base-url is plain http://",
                "token is not a bearer token");
    }

    @Test
    void allowsPlainHttpWhenToldTo() {
        assertThat(InstancesJson.parse(MIXED, SOURCE, true).valid()).containsKey("plain");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "[]", "not json", "\"TOKEN\"", "null", "{\"k\": {\"token\": \"TOKEN\"}} trailing",
            "{\"k\": {\"token\": \"TOKEN\"}, \"k\": {\"token\": \"TOKEN\"}}" })
    void refusesTheWholeSourceWhenItIsNotOneJsonObject(String json) {
        assertThatThrownBy(() -> InstancesJson.parse(json.replace("TOKEN", TOKEN), SOURCE, false))
                .isInstanceOf(TokenReadException.class).hasMessageStartingWith(SOURCE).hasMessageNotContaining(TOKEN);
    }
}
