package io.megalogout.http;

import java.util.List;
import java.util.regex.Pattern;

import io.megalogout.TokenNeverLogged;

/**
 * The request log's lines ({@code logout requestId=...}) that the tests' log capture holds, each as
 * {@code "<LEVEL>: logout requestId=..."}.
 */
final class RequestLines {

    /** The door's own request id: a UUID, never one the caller chose. */
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private RequestLines() {
    }

    /** The lines whose {@code field} is {@code value}, oldest first. */
    static List<String> where(String field, String value) {
        Pattern wanted = Pattern.compile("(^| )" + Pattern.quote(field + "=" + value) + "( |$)");
        return TokenNeverLogged.captured().lines().filter(line -> line.contains(": logout requestId="))
                .filter(line -> wanted.matcher(line).find()).toList();
    }
}
