package io.megalogout.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A member's JSON text, as the document writes it: what a dry run passes on as Mega-API sent it. */
class StrictJsonTest {

    @ParameterizedTest
    @ValueSource(strings = { "{}", "{ }", "[]", "{\"status\":\"connected\"}", "{ \"a\" : [1, 2.50, {\"b\": null}] , \"c\":{}}",
            "{\"name\":\"Jo\\u00e3o \\\"x\\\" \\ud83d\\ude00 \u00e9 \ud83d\ude00\", \"n\": -1.0e+3}",
            "{\"s\":\"}]{[\",\"instance\":{\"nested\":1}}" })
    void givesTheMemberExactlyAsWritten(String instance) {
        String document = "{\"error\":false, \"before\": {\"instance\": 1}, \"instance\" :\n " + instance
                + " , \"after\": [\"instance\"]}";

        assertThat(StrictJson.memberText(document, "instance")).contains(instance);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"error\":false}", "{\"instance\":\"connected\"}", "{\"instance\":null}", "[{\"instance\":{}}]",
            "{\"x\":{\"instance\":{}}}" })
    void findsNoObjectOrArrayMemberWhereTheRootHasNone(String document) {
        assertThat(StrictJson.memberText(document, "instance")).isEmpty();
    }
}
