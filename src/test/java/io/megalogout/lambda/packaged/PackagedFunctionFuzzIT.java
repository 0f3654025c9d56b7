package io.megalogout.lambda.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.FixedSeedMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes the Lambda event of the deployable artifact: {@code target/function.zip} under AWS's own runtime client (see
 * {@link PackagedFunction}), one process for all tries, against one WireMock Mega-API that answers every request with
 * 200 and {@value #ANSWER}. Runs in the integration-test phase, after package.
 * <p>
 * One jqwik property, {@value #TRIES} tries from the fixed seed {@value #SEED} (randomized generation, the building
 * blocks' edge cases mixed in, bounded shrinking), so a CI run sends the same 10,000 events every time; the statistics
 * "category" and "result" report the mix. It proves that every event, whatever its bytes, ends in exactly one of two
 * ways, and never in another error type (an unhandled exception), a crash, a timeout, a request to any other path, or
 * more than one request:
 * <ol type="a">
 * <li>the function answers Mega-API's answer unchanged, and Mega-API received exactly one request: {@code DELETE
 * /rest/instance/{K}/logout} with the Bearer token, where K is a valid key (1 to 128 of {@code A-Z a-z 0-9 . _ -}, not
 * starting with '.', without ".."), which needs no percent-encoding and so appears literally in the path;</li>
 * <li>the function answers with errorType {@code InvalidEventException} or {@code InvalidInstanceKeyException}, and
 * Mega-API received nothing.</li>
 * </ol>
 * Most events are built from a JSON model ({@link Json}) that the test writes itself, in varied whitespace and escapes;
 * for those the test knows the exact outcome, computed from the model by {@link #expectedFor} (RFC 8259 plus the parser
 * limits below), never by the production parser: one string {@code instanceKey} that is valid logs out exactly that key;
 * an invalid key string is {@code InvalidInstanceKeyException}; a missing, null or non-string key, a duplicate field, a
 * root that is not an object, or too deep a document is {@code InvalidEventException}. Events that are not JSON by
 * construction (invalid UTF-8, truncated, non-standard syntax, trailing data) must be {@code InvalidEventException}.
 * Other encodings than UTF-8 may be read or refused, but never read as another key. Raw and mutated bytes only have to
 * end in (a) or (b). Finally, the token never appears in anything the function wrote.
 */
class PackagedFunctionFuzzIT {

    private static final int TRIES = 10_000;
    private static final String SEED = "20261125";

    private static final String TOKEN = "fuzz-fake-token-4";
    private static final String ANSWER = "{\"error\":false,\"message\":\"ok\"}";
    private static final String INVALID_EVENT = "io.megalogout.error.InvalidEventException";
    private static final String INVALID_KEY = "io.megalogout.error.InvalidInstanceKeyException";
    private static final String INSTANCE_KEY = "instanceKey";
    private static final String PATH_START = "/rest/instance/";
    private static final String PATH_END = "/logout";

    /** The characters a valid key may start with, and the ones it may hold. */
    private static final String KEY_START = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    private static final String KEY_CHARS = KEY_START + ".";
    private static final int MAX_KEY_LENGTH = 128;

    /**
     * The event parser's size limits (Jackson's StreamReadConstraints defaults): a document nested deeper, or with a
     * longer number or field name, is not read. Generated sizes stay far below or far above each limit (nesting up to
     * 500 or from 2,000; numbers up to 60 or from 2,000 characters; names up to 16 or from 60,000), so the test does not
     * hang on the exact values.
     */
    private static final int NESTING_LIMIT = 1_000;
    private static final int NUMBER_LIMIT = 1_000;
    private static final int NAME_LIMIT = 50_000;

    /** A private-use character marking where {@link #invalidUtf8()} puts its bytes; no other generator writes it. */
    private static final String MARK = "\ue000";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Strings that tend to break things: other scripts, emoji, RTL, zero-width, NUL, controls, path and percent tricks. */
    private static final List<String> SPECIAL_STRINGS = List.of("", "demo", "\u0000", "a\u0000b", "\u200b", "\u200d",
            "\u200e\u200f", "\u202e", "\u2028\u2029", "\ufeff", "\ud83d\ude00", "\ud83d\udc69\u200d\ud83d\udc67",
            "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\u0434\u0435\u043c\u043e", "\u4e2d\u6587",
            "\uff44\uff45\uff4d\uff4f", "\u0130", "\u212a", "\u017f", "\ufffd", "\uffff", "\\", "\"", "</script>", "%2F",
            "%2e%2e", "demo%20x", "../x", "\u007f", "\u0085", "\u00a0");

    /** Invalid keys worth naming: path and percent tricks, whitespace, controls, look-alikes, and other scripts. */
    private static final List<String> TRICKY_KEYS = List.of("", " ", "  ", "\t", ".", "..", "...", "../x", "..\\x",
            "./x", "a/b", "/demo", "demo/", "a\\b", "?x", "demo?x", "#x", "demo#x", ";x", "demo;x", " demo", "demo ",
            " demo ", "demo\n", "\ndemo", "%2F", "demo%2Fx", "%2e%2e", "%2E%2E", "%2e", "demo%20x", "%64emo", "a%b", "a..b",
            ".hidden", "demo\u0000", "\u0000", "\u0000demo", "\u200bdemo", "demo\u200d", "\u202edemo", "demo\u202e",
            "\ufeffdemo", "\u00a0demo", "demo\u0085", "demo\u2028", "\u05d3\u05de\u05d5", "\u0434\u0435\u043c\u043e",
            "\ud83d\ude00", "demo\ud83d\ude00", "\uff44\uff45\uff4d\uff4f", "\u0130nstance", "\u212aey", "\u017fecret",
            "\ud800", "demo\udc00", "de mo", "a:b", "a@b", "a+b", "a&b=c", "a=b", "a\"b", "a'b", "<script>", "a|b", "a*b",
            "a~b", "a!b", "a$b", "a,b", "(a)", "[a]", "{a}", "a^b", "a`b", "demo\t", "demo\r", "demo\u007f");

    /** Characters that make a valid key invalid wherever they go. */
    private static final List<String> BAD_INSERTS = List.of("/", "\\", "?", "#", ";", "%", "%2F", "%2e", " ", "\t", "\n",
            "\r", "\u0000", "\u0001", "\u001f", "\u007f", "\u0085", "\u00a0", "\u200b", "\u200d", "\u200e", "\u202e",
            "\u2028", "\ufeff", "\ud83d\ude00", "\u0434", "\u05d0", "\u0627", "\u4e2d", "\uff44", "\u0130", "\u212a",
            "\u017f", ":", "@", "+", "&", "=", "\"", "'", "<", ">", "|", "*", "~", "!", "$", ",", "(", ")", "[", "]", "{",
            "}", "^", "`");

    /** Wrappers around a valid key ('@' stands for the key): path tricks, percent-encodings, whitespace. */
    private static final List<String> KEY_WRAPPERS = List.of(" @", "@ ", "../@", "@/..", "@/x", "x/@", "@?x", "@#x",
            "@;x", "@%2F..", "%2e%2e/@", "@%20x", "@\\x", "./@", "@/", "/@", "@\u0000", "\t@", "@\r\n", ".@", "@..", "..@");

    /** Root field names that are not {@code instanceKey}, however close. */
    private static final List<String> NEAR_MISS_NAMES = List.of("InstanceKey", "instancekey", "INSTANCEKEY",
            "instance_key", "instance-key", "instanceKey ", " instanceKey", "instanceKey\u0000", "instanceKey\u200b",
            "\u0131nstanceKey", "\uff49nstanceKey", "instanceKeys", "instanceKe", "instance", "key", "", "instanceKey\"");

    /** Events that are not JSON ('$K' stands for a valid key): RFC 8259 forbids each of these. */
    private static final List<String> NON_STANDARD = List.of("{\"instanceKey\":\"$K\",}", "{\"instanceKey\":\"$K\",,\"x\":1}",
            "{,\"instanceKey\":\"$K\"}", "{'instanceKey':'$K'}", "{\"instanceKey\":'$K'}", "{instanceKey:\"$K\"}",
            "{\"instanceKey\":$K}", "{\"instanceKey\":\"$K\"/*c*/}", "/*c*/{\"instanceKey\":\"$K\"}",
            "//c\n{\"instanceKey\":\"$K\"}", "#c\n{\"instanceKey\":\"$K\"}", "{\"instanceKey\":\"$K\",\"x\":NaN}",
            "{\"instanceKey\":\"$K\",\"x\":Infinity}", "{\"instanceKey\":\"$K\",\"x\":-Infinity}",
            "{\"instanceKey\":\"$K\",\"x\":01}", "{\"instanceKey\":\"$K\",\"x\":+1}", "{\"instanceKey\":\"$K\",\"x\":.5}",
            "{\"instanceKey\":\"$K\",\"x\":1.}", "{\"instanceKey\":\"$K\",\"x\":0x1F}", "{\"instanceKey\":\"$K\",\"x\":1e}",
            "{\"instanceKey\":\"$K\",\"x\":-}", "{\"instanceKey\":\"$K\",\"x\":--1}", "{\"instanceKey\":\"$K\",\"x\":\"\\q\"}",
            "{\"instanceKey\":\"$K\",\"x\":\"\\u12\"}", "{\"instanceKey\":\"$K\",\"x\":\"\\u12G4\"}",
            "{\"instanceKey\":\"$K\",\"x\":\"\\x41\"}", "{\"instanceKey\":\"$K\",\"x\":\"\\'\"}",
            "{\"instanceKey\":\"\\q$K\"}", "{\"instanceKey\":\"$K\",\"x\":True}", "{\"instanceKey\":\"$K\",\"x\":nul}",
            "{\"instanceKey\":\"$K\",\"x\":undefined}", "{\"instanceKey\":\"$K\" \"x\":1}", "{\"instanceKey\" \"$K\"}",
            "{\"instanceKey\":}", "{:\"$K\"}", "{\"instanceKey\":\"$K\":1}", "{\"instanceKey\":\"$K\"]",
            "[\"instanceKey\":\"$K\"}", "{\"instanceKey\":\"$K\"}}", "{\"instanceKey\":\"$K\"}]", "{\"instanceKey\":\"$K\"},",
            "{\"instanceKey\":\"$K\"} {\"instanceKey\":\"$K\"}", "{\"instanceKey\":\"$K\"}{\"instanceKey\":\"other\"}",
            "{\"instanceKey\":\"$K\"} null", "{\"instanceKey\":\"$K\"} x", "{\"instanceKey\":\"$K\"} \"$K\"",
            "{\"instanceKey\":\"$K\"}\u0000", "\u0000{\"instanceKey\":\"$K\"}", "{\"instanceKey\":\"$K\"}\f",
            "\f{\"instanceKey\":\"$K\"}", "\u000b{\"instanceKey\":\"$K\"}", "{\"instanceKey\":\"$K\"}\u00a0",
            "{\"instanceKey\":\"$K\"}\u2028", "{\"instanceKey\":\"$K\u0000\"}", "{\"instanceKey\":\"$K\n\"}",
            "{\"instanceKey\":\"\t$K\"}", "{\"instanceKey\":\"$K\",\"x\":\"a\u0001b\"}", "{\"instanceKey\":\"$K",
            "{\"instanceKey\":\"$K\",\"x\":[1,2}", "{\"instanceKey\":\"$K\",\"x\":[1,]}",
            "{\"instanceKey\":\"$K\",\"x\":{\"a\"}}",
            "{\"instanceKey\":\"$K\",\"x\":", "instanceKey=$K", "\"instanceKey\":\"$K\"", "{\"instanceKey\":\"$K\"");

    /** Pieces that random concatenation turns into near-JSON. */
    private static final List<String> SOUP = List.of("{", "}", "[", "]", ",", ":", "\"", "\"instanceKey\"",
            "\"\\u0069nstanceKey\"", "\"demo\"", "\"a\"", "\"\"", "null", "true", "false", "0", "-1.5e3", " ", "\n", "\\",
            "\\u0064", "\\\"", "\u00e9", "\ud83d\ude00", "\u0000", "/", "..", "%2F", "instanceKey", "demo");

    private static WireMockServer megaApi;
    private static PackagedFunction function;

    // ---------------------------------------------------------------------------------------------------------------
    // The JSON model: what the test writes, and what it judges
    // ---------------------------------------------------------------------------------------------------------------

    /** A JSON value as the test builds it; {@link #write} turns it into text, {@link #expectedFor} judges it. */
    sealed interface Json permits Obj, Arr, Str, Num, Bool, Null, Nest, Many {
    }

    /** An object: members keep their order, and a name may repeat. */
    record Obj(List<Member> members) implements Json {

        Obj(Member... members) {
            this(List.of(members));
        }
    }

    record Member(Text name, Json value) {
    }

    record Arr(List<Json> items) implements Json {
    }

    record Str(Text text) implements Json {
    }

    /** A number, as the JSON literal the test writes. */
    record Num(String literal) implements Json {
    }

    record Bool(boolean value) implements Json {
    }

    record Null() implements Json {
    }

    /** {@code levels} arrays, or objects with the one member "d", around {@code inner}: deep nesting, written flat. */
    record Nest(int levels, boolean objects, Json inner) implements Json {
    }

    /** An array of {@code count} copies of {@code item}: a huge array, cheaply. */
    record Many(int count, Json item) implements Json {
    }

    /** A string's content (a name or a value) and how the test writes its characters. */
    record Text(String value, Escaping escaping) {
    }

    /** Ways to write the same string: they all decode to the same content. */
    enum Escaping {
        /** Only what JSON requires: quote, backslash, controls (as {@code \\u00XX}), and lone surrogates. */
        MINIMAL,
        /** The first character as {@code \\uXXXX}, e.g. {@code "\\u0064emo"} for {@code demo}. */
        FIRST_AS_UNICODE,
        /** Every character as {@code \\uXXXX}, surrogate pairs as two escapes. */
        ALL_AS_UNICODE,
        /** The two-character escapes where they exist: {@code \\n \\t \\b \\f \\r \\/}. */
        SHORT_FORMS
    }

    /**
     * What decides whether a document is read at all: its nesting, its longest number and name, whether an object repeats
     * a name, and whether a string holds an unpaired surrogate (written as an escape). RFC 8259 (section 8.2) leaves what
     * a reader does with the latter open, so for those documents the test also accepts a refusal as an invalid event.
     */
    record Shape(int depth, int longestNumber, int longestName, boolean duplicateNames, boolean unpairedSurrogates) {

        static final Shape SCALAR = new Shape(0, 0, 0, false, false);

        Shape with(Shape other) {
            return new Shape(Math.max(depth, other.depth), Math.max(longestNumber, other.longestNumber),
                    Math.max(longestName, other.longestName), duplicateNames || other.duplicateNames,
                    unpairedSurrogates || other.unpairedSurrogates);
        }

        Shape nested(int levels) {
            return new Shape(depth + levels, longestNumber, longestName, duplicateNames, unpairedSurrogates);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Outcomes
    // ---------------------------------------------------------------------------------------------------------------

    /** How one invocation ended: (a) a logout of one key, or (b) one of the two input errors. */
    sealed interface Result permits LoggedOut, Rejected {
    }

    record LoggedOut(String key) implements Result {
    }

    record Rejected(String errorType) implements Result {
    }

    /** The results the test allows for one event; none listed means any (a) or (b). */
    record Expected(Set<Result> allowed) {

        static Expected logsOut(String key) {
            return new Expected(Set.of(new LoggedOut(key)));
        }

        static Expected rejects(String errorType) {
            return new Expected(Set.of(new Rejected(errorType)));
        }

        static Expected anything() {
            return new Expected(Set.of());
        }

        Expected or(Result result) {
            Set<Result> more = new HashSet<>(allowed);
            more.add(result);
            return new Expected(Set.copyOf(more));
        }

        boolean admits(Result result) {
            return allowed.isEmpty() || allowed.contains(result);
        }

        @Override
        public String toString() {
            return allowed.isEmpty() ? "any (a) or (b)" : allowed.toString();
        }
    }

    /** One generated event: its category (for the statistics), the bytes sent, and what the function must do. */
    record FuzzCase(String category, String detail, byte[] event, Expected expected) {

        @Override
        public String toString() {
            return category + " (" + detail + "), expected " + expected + ", " + event.length + " bytes: "
                    + printable(event, 600);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Lifecycle and the property
    // ---------------------------------------------------------------------------------------------------------------

    @BeforeContainer
    static void startTheFunction() throws IOException {
        megaApi = new WireMockServer(wireMockConfig().dynamicPort());
        megaApi.start();
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(ANSWER)));
        function = PackagedFunction.start(Map.of("MEGAAPI_BASE_URL", megaApi.baseUrl(), "MEGAAPI_TOKEN", TOKEN,
                // WireMock speaks plain http here; prod refuses it unless told so explicitly.
                "MEGAAPI_ALLOW_PLAIN_HTTP", "true"));
    }

    @BeforeTry
    void forgetEarlierRequests() {
        megaApi.resetRequests();
    }

    @AfterContainer
    static void stopTheFunction() throws Exception {
        try {
            String output = function.output();
            int token = output.indexOf(TOKEN);
            assertThat(token).as(() -> "the token in the function's output: ..."
                    + output.substring(Math.max(0, token - 300), Math.min(output.length(), token + 300))).isNegative();
        } finally {
            function.close();
            megaApi.stop();
        }
    }

    @Property(tries = TRIES, seed = SEED, generation = GenerationMode.RANDOMIZED, edgeCases = EdgeCasesMode.MIXIN, shrinking = ShrinkingMode.BOUNDED, afterFailure = AfterFailureMode.PREVIOUS_SEED, whenFixedSeed = FixedSeedMode.ALLOW)
    void everyEventLogsOutOneValidKeyOrIsRejectedAsInvalidInput(@ForAll("events") FuzzCase fuzzCase) throws Exception {
        Result result = resultOf(function.invoke(fuzzCase.event()));

        Statistics.label("category").collect(fuzzCase.category());
        Statistics.label("result").collect(result instanceof LoggedOut ? "(a) logged out"
                : "(b) " + ((Rejected) result).errorType().substring("io.megalogout.error.".length()));
        assertThat(fuzzCase.expected().admits(result)).as("%s%nended in %s", fuzzCase, result).isTrue();
    }

    /** Checks that the invocation ended in (a) or (b), whatever the event, and says which. */
    private static Result resultOf(RuntimeApiStandIn.Outcome outcome) throws IOException {
        assertThat(outcome.initFailed()).as("the function failed its init: %s", outcome.body()).isFalse();
        List<LoggedRequest> requests = megaApi.findAll(anyRequestedFor(anyUrl()));
        if (!outcome.failed()) {
            assertThat(outcome.body()).as("the function's answer").isEqualTo(ANSWER);
            assertThat(requests).as("requests to Mega-API").hasSize(1);
            LoggedRequest request = requests.get(0);
            assertThat(request.getMethod()).as("the method of %s", request.getUrl()).isEqualTo(RequestMethod.DELETE);
            assertThat(request.getHeader("Authorization")).as("the Authorization header").isEqualTo("Bearer " + TOKEN);
            String path = request.getUrl();
            assertThat(path).as("the logout path").startsWith(PATH_START).endsWith(PATH_END);
            String key = path.substring(PATH_START.length(), path.length() - PATH_END.length());
            assertThat(isValidKey(key)).as("the logged-out key %s is a valid key", path).isTrue();
            return new LoggedOut(key);
        }
        JsonNode error = JSON.readTree(outcome.body());
        assertThat(error.path("errorType").asText()).as("errorType of %s", outcome.body()).isIn(INVALID_EVENT, INVALID_KEY);
        assertThat(requests).as("requests to Mega-API after %s", outcome.body()).isEmpty();
        return new Rejected(error.path("errorType").asText());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The oracle
    // ---------------------------------------------------------------------------------------------------------------

    /** The documented key rule, written out: 1 to 128 of A-Z a-z 0-9 . _ -, not starting with '.', without "..". */
    static boolean isValidKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || key.charAt(0) == '.' || key.contains("..")) {
            return false;
        }
        return key.chars().allMatch(c -> KEY_CHARS.indexOf(c) >= 0);
    }

    /** What the function must do with a well-formed document, computed from the model. */
    static Expected expectedFor(Json root) {
        Shape shape = shape(root);
        Expected exact = exactlyExpectedFor(root, shape);
        return shape.unpairedSurrogates() ? exact.or(new Rejected(INVALID_EVENT)) : exact;
    }

    private static Expected exactlyExpectedFor(Json root, Shape shape) {
        if (shape.depth() > NESTING_LIMIT || shape.longestNumber() > NUMBER_LIMIT || shape.longestName() > NAME_LIMIT
                || shape.duplicateNames()) {
            return Expected.rejects(INVALID_EVENT);
        }
        // A Nest of objects is an object too, but its only member is "d": no instanceKey either way.
        if (!(root instanceof Obj event)) {
            return Expected.rejects(INVALID_EVENT);
        }
        List<Json> keys = event.members().stream().filter(m -> m.name().value().equals(INSTANCE_KEY))
                .map(Member::value).toList();
        if (keys.isEmpty() || !(keys.get(0) instanceof Str key)) {
            return Expected.rejects(INVALID_EVENT);
        }
        return isValidKey(key.text().value()) ? Expected.logsOut(key.text().value()) : Expected.rejects(INVALID_KEY);
    }

    static Shape shape(Json value) {
        return switch (value) {
            case Obj o -> {
                Shape shape = Shape.SCALAR;
                Set<String> names = new HashSet<>();
                for (Member member : o.members()) {
                    String name = member.name().value();
                    shape = shape.with(shape(member.value()))
                            .with(new Shape(0, 0, name.length(), !names.add(name), hasUnpairedSurrogate(name)));
                }
                yield shape.nested(1);
            }
            case Arr a -> a.items().stream().map(PackagedFunctionFuzzIT::shape).reduce(Shape.SCALAR, Shape::with).nested(1);
            case Nest n -> shape(n.inner()).nested(n.levels());
            case Many m -> (m.count() == 0 ? Shape.SCALAR : shape(m.item())).nested(1);
            case Num n -> new Shape(0, n.literal().length(), 0, false, false);
            case Str s -> new Shape(0, 0, 0, false, hasUnpairedSurrogate(s.text().value()));
            case Bool b -> Shape.SCALAR;
            case Null n -> Shape.SCALAR;
        };
    }

    static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Writing the model
    // ---------------------------------------------------------------------------------------------------------------

    /** The document as JSON text, with {@code ws} (JSON whitespace only) around and between all tokens. */
    static String write(Json root, String ws) {
        StringBuilder out = new StringBuilder(ws);
        write(out, root, ws);
        return out.append(ws).toString();
    }

    private static void write(StringBuilder out, Json value, String ws) {
        switch (value) {
            case Obj o -> {
                out.append('{');
                for (int i = 0; i < o.members().size(); i++) {
                    out.append(i == 0 ? "" : ws + ",").append(ws);
                    write(out, o.members().get(i).name());
                    out.append(ws).append(':').append(ws);
                    write(out, o.members().get(i).value(), ws);
                }
                out.append(ws).append('}');
            }
            case Arr a -> {
                out.append('[');
                for (int i = 0; i < a.items().size(); i++) {
                    out.append(i == 0 ? "" : ws + ",").append(ws);
                    write(out, a.items().get(i), ws);
                }
                out.append(ws).append(']');
            }
            case Str s -> write(out, s.text());
            case Num n -> out.append(n.literal());
            case Bool b -> out.append(b.value());
            case Null n -> out.append("null");
            case Nest n -> {
                out.append((n.objects() ? "{" + ws + "\"d\"" + ws + ":" + ws : "[" + ws).repeat(n.levels()));
                write(out, n.inner(), ws);
                out.append((ws + (n.objects() ? "}" : "]")).repeat(n.levels()));
            }
            case Many m -> {
                StringBuilder item = new StringBuilder();
                write(item, m.item(), ws);
                out.append('[');
                for (int i = 0; i < m.count(); i++) {
                    out.append(i == 0 ? "" : ",").append(item);
                }
                out.append(']');
            }
        }
    }

    private static void write(StringBuilder out, Text text) {
        String s = text.value();
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean asUnicode = switch (text.escaping()) {
                case ALL_AS_UNICODE -> true;
                case FIRST_AS_UNICODE -> i == 0;
                default -> false;
            };
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (asUnicode || Character.isSurrogate(c) && !pair) {
                out.append(String.format(text.escaping() == Escaping.ALL_AS_UNICODE ? "\\u%04X" : "\\u%04x", (int) c));
            } else if (pair) {
                out.append(c).append(s.charAt(++i));
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (text.escaping() == Escaping.SHORT_FORMS && "\b\f\n\r\t/".indexOf(c) >= 0) {
                out.append('\\').append("bfnrt/".charAt("\b\f\n\r\t/".indexOf(c)));
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** A model case: the document written as UTF-8, and the outcome computed from the model. */
    static FuzzCase modelCase(String category, String detail, Json root, String ws) {
        return new FuzzCase(category, detail, write(root, ws).getBytes(StandardCharsets.UTF_8), expectedFor(root));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Generators
    // ---------------------------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<FuzzCase> events() {
        return Arbitraries.frequencyOf(
                Tuple.of(18, stringKeys()),
                Tuple.of(8, otherKeys()),
                Tuple.of(6, duplicateKeys()),
                Tuple.of(4, nonObjects()),
                Tuple.of(5, deepNesting()),
                Tuple.of(5, hugeValues()),
                Tuple.of(5, arbitraryJson()),
                Tuple.of(8, invalidUtf8()),
                Tuple.of(6, truncated()),
                Tuple.of(7, nonStandardJson()),
                Tuple.of(3, otherEncodings()),
                Tuple.of(4, rawBytes()),
                Tuple.of(4, jsonSoup()),
                Tuple.of(3, mutated()))
                // Combined edge cases would all come from the first category and crowd out the weights; the edge cases
                // of each building block are still mixed into the random values.
                .edgeCases(edgeCases -> edgeCases.none());
    }

    /** Objects with one string instanceKey, valid or not, among other fields. */
    private Arbitrary<FuzzCase> stringKeys() {
        return Combinators.combine(stringKeyEvents(), layouts()).as((event, ws) -> {
            Text key = ((Str) event.members().stream().filter(m -> m.name().value().equals(INSTANCE_KEY)).findFirst()
                    .orElseThrow().value()).text();
            String detail = isValidKey(key.value())
                    ? (key.escaping() == Escaping.FIRST_AS_UNICODE || key.escaping() == Escaping.ALL_AS_UNICODE
                            ? "valid, written with \\u escapes"
                            : "valid")
                    : "invalid";
            return modelCase("instanceKey: string", detail, event, ws);
        });
    }

    /** Objects whose instanceKey is null, a number, a boolean, an array or an object, or is missing. */
    private Arbitrary<FuzzCase> otherKeys() {
        Arbitrary<FuzzCase> otherTypes = Combinators
                .combine(values(2).filter(v -> !(v instanceof Str)), escapings(), extras(), positions(), layouts())
                .as((value, nameEscaping, extras, position, ws) -> modelCase("instanceKey: other type", typeOf(value),
                        new Obj(insert(extras, new Member(new Text(INSTANCE_KEY, nameEscaping), value), position)), ws));
        Arbitrary<FuzzCase> missing = Combinators
                .combine(Arbitraries.of(NEAR_MISS_NAMES), validKeys(), extras(), positions(), Arbitraries.of(true, false),
                        layouts())
                .as((name, key, extras, position, nested, ws) -> {
                    Json keyValue = new Str(new Text(key, Escaping.MINIMAL));
                    Member nearMiss = nested
                            ? new Member(new Text("data", Escaping.MINIMAL),
                                    new Obj(new Member(new Text(INSTANCE_KEY, Escaping.MINIMAL), keyValue)))
                            : new Member(new Text(name, Escaping.MINIMAL), keyValue);
                    return modelCase("instanceKey: missing", nested ? "only in a nested object" : "near-miss name",
                            new Obj(insert(extras, nearMiss, position)), ws);
                });
        Arbitrary<FuzzCase> empty = layouts().map(ws -> modelCase("instanceKey: missing", "empty object", new Obj(), ws));
        return Arbitraries.frequencyOf(Tuple.of(6, otherTypes), Tuple.of(3, missing), Tuple.of(1, empty));
    }

    /** instanceKey two or three times (also two valid keys, or the same key twice), or a duplicate field deeper down. */
    private Arbitrary<FuzzCase> duplicateKeys() {
        Arbitrary<Json> keyValues = Arbitraries.frequencyOf(
                Tuple.of(4, validKeys().map(k -> new Str(new Text(k, Escaping.MINIMAL)))),
                Tuple.of(1, keys().map(k -> new Str(new Text(k, Escaping.MINIMAL)))),
                Tuple.of(1, Arbitraries.just(new Null())),
                Tuple.of(1, values(1)));
        Arbitrary<Member> keyMembers = Combinators.combine(escapings(), keyValues)
                .as((escaping, value) -> new Member(new Text(INSTANCE_KEY, escaping), value));
        Arbitrary<FuzzCase> atTheRoot = Combinators
                .combine(keyMembers.list().ofMinSize(2).ofMaxSize(3), extras(), positions().list().ofSize(3), layouts())
                .as((duplicates, extras, positions, ws) -> {
                    List<Member> members = extras;
                    for (int i = 0; i < duplicates.size(); i++) {
                        members = insert(members, duplicates.get(i), positions.get(i));
                    }
                    boolean allValid = duplicates.stream()
                            .allMatch(m -> m.value() instanceof Str s && isValidKey(s.text().value()));
                    return modelCase("duplicate field", allValid ? "instanceKey, all valid keys" : "instanceKey",
                            new Obj(members), ws);
                });
        Arbitrary<FuzzCase> sameKeyTwice = Combinators.combine(validKeys(), escapings(), escapings(), layouts())
                .as((key, first, second, ws) -> modelCase("duplicate field", "instanceKey, the same valid key twice",
                        new Obj(new Member(new Text(INSTANCE_KEY, first), new Str(new Text(key, Escaping.MINIMAL))),
                                new Member(new Text(INSTANCE_KEY, second), new Str(new Text(key, Escaping.MINIMAL)))),
                        ws));
        Arbitrary<FuzzCase> deeper = Combinators.combine(validKeys(), names(), scalars(), scalars(), layouts())
                .as((key, name, first, second, ws) -> modelCase("duplicate field", "in a nested object",
                        new Obj(new Member(new Text(INSTANCE_KEY, Escaping.MINIMAL), new Str(new Text(key, Escaping.MINIMAL))),
                                new Member(new Text("x", Escaping.MINIMAL),
                                        new Obj(new Member(name, first), new Member(name, second)))),
                        ws));
        return Arbitraries.frequencyOf(Tuple.of(4, atTheRoot), Tuple.of(1, sameKeyTwice), Tuple.of(1, deeper));
    }

    /** Documents whose root is not an object, including an array holding a valid event, and a bare key string. */
    private Arbitrary<FuzzCase> nonObjects() {
        Arbitrary<FuzzCase> values = Combinators.combine(values(3).filter(v -> !(v instanceof Obj)), layouts())
                .as((value, ws) -> modelCase("root not an object", typeOf(value), value, ws));
        Arbitrary<FuzzCase> wrapped = Combinators.combine(validKeys(), layouts())
                .as((key, ws) -> modelCase("root not an object", "array holding a valid event", new Arr(List.of(
                        new Obj(new Member(new Text(INSTANCE_KEY, Escaping.MINIMAL),
                                new Str(new Text(key, Escaping.MINIMAL)))))),
                        ws));
        Arbitrary<FuzzCase> bare = Combinators.combine(validKeys(), layouts())
                .as((key, ws) -> modelCase("root not an object", "a valid key as a string", new Str(new Text(key,
                        Escaping.MINIMAL)), ws));
        return Arbitraries.frequencyOf(Tuple.of(4, values), Tuple.of(1, wrapped), Tuple.of(1, bare));
    }

    enum Placement {
        OTHER_FIELD,
        BEFORE_THE_KEY,
        AROUND_THE_EVENT,
        AS_THE_KEY,
        UNBALANCED
    }

    /** Up to 10,000 levels of '[' or '{', beside the key, around the event, as the key, or never closed. */
    private Arbitrary<FuzzCase> deepNesting() {
        Arbitrary<Integer> levels = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(1, 500)),
                Tuple.of(5, Arbitraries.integers().between(2_000, 10_000)), Tuple.of(2, Arbitraries.just(10_000)));
        return Combinators.combine(validKeys(), levels, Arbitraries.of(true, false), Arbitraries.of(Placement.class),
                scalars(), layouts()).as((key, depth, objects, placement, inner, ws) -> {
                    Member keyMember = new Member(new Text(INSTANCE_KEY, Escaping.MINIMAL),
                            new Str(new Text(key, Escaping.MINIMAL)));
                    Member deep = new Member(new Text("x", Escaping.MINIMAL), new Nest(depth, objects, inner));
                    String detail = placement + (objects ? ", objects" : ", arrays")
                            + (depth > NESTING_LIMIT ? ", beyond the limit" : ", within the limit");
                    return switch (placement) {
                        case OTHER_FIELD -> modelCase("deep nesting", detail, new Obj(keyMember, deep), ws);
                        case BEFORE_THE_KEY -> modelCase("deep nesting", detail, new Obj(deep, keyMember), ws);
                        case AROUND_THE_EVENT ->
                            modelCase("deep nesting", detail, new Nest(depth, objects, new Obj(keyMember)), ws);
                        case AS_THE_KEY -> modelCase("deep nesting", detail, new Obj(new Member(keyMember.name(),
                                new Nest(depth, objects, keyMember.value()))), ws);
                        case UNBALANCED -> new FuzzCase("deep nesting", detail,
                                ("{\"instanceKey\":\"" + key + "\",\"x\":" + (objects ? "{\"d\":" : "[").repeat(depth))
                                        .getBytes(StandardCharsets.UTF_8),
                                Expected.rejects(INVALID_EVENT));
                    };
                });
    }

    /** Strings up to 100,000 characters (as a value or as the key), big arrays, many fields, long numbers and names. */
    private Arbitrary<FuzzCase> hugeValues() {
        Arbitrary<FuzzCase> hugeString = Combinators
                .combine(validKeys(), hugeStrings(unicode(), 1_000, 100_000), escapings(), layouts())
                .as((key, huge, escaping, ws) -> modelCase("huge value", "string beside a valid key",
                        new Obj(keyMember(key),
                                new Member(new Text("blob", Escaping.MINIMAL), new Str(new Text(huge, escaping)))),
                        ws));
        Arbitrary<FuzzCase> hugeKey = Combinators
                .combine(hugeStrings(Arbitraries.frequencyOf(Tuple.of(2, validKeys()), Tuple.of(1, unicode())), 129,
                        100_000), escapings(), layouts())
                .as((huge, escaping, ws) -> modelCase("huge value", "instanceKey string",
                        new Obj(new Member(new Text(INSTANCE_KEY, Escaping.MINIMAL), new Str(new Text(huge, escaping)))), ws));
        Arbitrary<FuzzCase> hugeArray = Combinators
                .combine(validKeys(), Arbitraries.integers().between(1_000, 20_000), scalars(), layouts())
                .as((key, count, item, ws) -> modelCase("huge value", "array beside a valid key",
                        new Obj(keyMember(key), new Member(new Text("list", Escaping.MINIMAL), new Many(count, item))), ws));
        Arbitrary<FuzzCase> arrayOfEvents = Combinators.combine(validKeys(), Arbitraries.integers().between(2, 5_000))
                .as((key, count) -> modelCase("huge value", "array of valid events",
                        new Many(count, new Obj(keyMember(key))), ""));
        Arbitrary<FuzzCase> manyFields = Combinators.combine(validKeys(), Arbitraries.integers().between(100, 2_000),
                positions(), layouts()).as(
                        (key, count, position, ws) -> modelCase("huge value", "many fields",
                                new Obj(insert(IntStream.range(0, count)
                                        .mapToObj(i -> new Member(new Text("f" + i, Escaping.MINIMAL),
                                                (Json) new Num(String.valueOf(i))))
                                        .toList(), keyMember(key), position)),
                                ws));
        Arbitrary<FuzzCase> longNumber = Combinators.combine(validKeys(), Arbitraries.of("", "-"),
                Arbitraries.integers().between(2_000, 5_000), Arbitraries.of("integer", "fraction", "exponent"))
                .as((key, sign, digits, form) -> modelCase("huge value", "number, " + form,
                        new Obj(keyMember(key), new Member(new Text("n", Escaping.MINIMAL), new Num(sign + switch (form) {
                            case "integer" -> "9".repeat(digits);
                            case "fraction" -> "0." + "3".repeat(digits);
                            default -> "1." + "5".repeat(digits) + "e7";
                        }))), ""));
        Arbitrary<FuzzCase> longName = Combinators.combine(validKeys(), Arbitraries.integers().between(60_000, 100_000))
                .as((key, length) -> modelCase("huge value", "field name",
                        new Obj(keyMember(key), new Member(new Text("n".repeat(length), Escaping.MINIMAL), new Num("1"))), ""));
        return Arbitraries.frequencyOf(Tuple.of(3, hugeString), Tuple.of(2, hugeKey), Tuple.of(2, hugeArray),
                Tuple.of(1, arrayOfEvents), Tuple.of(1, manyFields), Tuple.of(1, longNumber), Tuple.of(1, longName));
    }

    /** Any JSON document at all: mostly rejected for want of an instanceKey, judged by the model like the rest. */
    private Arbitrary<FuzzCase> arbitraryJson() {
        return Combinators.combine(values(4), layouts())
                .as((value, ws) -> modelCase("arbitrary JSON", typeOf(value), value, ws));
    }

    /** Where {@link #invalidUtf8()} puts its bytes. */
    enum Spot {
        IN_THE_KEY,
        IN_THE_NAME_INSTANCEKEY,
        IN_ANOTHER_VALUE,
        IN_ANOTHER_NAME,
        BETWEEN_TOKENS
    }

    /** Byte sequences that UTF-8 (RFC 3629) forbids. */
    enum BadUtf8 {
        /** The replaced ASCII character in two bytes ({@code C0}/{@code C1} lead). */
        OVERLONG_2,
        /** The replaced ASCII character in three bytes ({@code E0 80..9F}). */
        OVERLONG_3,
        /** The replaced ASCII character in four bytes ({@code F0 80..8F}). */
        OVERLONG_4,
        /** A UTF-16 surrogate encoded on its own ({@code ED A0..BF}). */
        SURROGATE,
        /** A code point above U+10FFFF ({@code F4 90..}, {@code F5..F7}). */
        ABOVE_U10FFFF,
        /** A byte that never occurs in UTF-8 ({@code F8..FF}). */
        INVALID_BYTE,
        /** A continuation byte without a lead. */
        LONE_CONTINUATION,
        /** A lead byte whose continuation bytes are missing. */
        TRUNCATED_SEQUENCE,
        /** One to four random bytes from 0x80 up. */
        RANDOM_HIGH_BYTES
    }

    /** Otherwise valid events with bytes that are not UTF-8: not JSON text (RFC 8259, section 8.1). */
    private Arbitrary<FuzzCase> invalidUtf8() {
        return Combinators.combine(validKeys(), Arbitraries.of(Spot.class), positions(), Arbitraries.of(BadUtf8.class),
                Arbitraries.bytes().array(byte[].class).ofMinSize(4).ofMaxSize(4), layouts())
                .as((key, spot, position, kind, random, ws) -> {
                    int at = position % key.length();
                    int nameAt = position % INSTANCE_KEY.length();
                    Member keyMember = switch (spot) {
                        case IN_THE_KEY -> new Member(new Text(INSTANCE_KEY, Escaping.MINIMAL),
                                new Str(new Text(key.substring(0, at) + MARK + key.substring(at + 1), Escaping.MINIMAL)));
                        case IN_THE_NAME_INSTANCEKEY -> new Member(new Text(INSTANCE_KEY.substring(0, nameAt) + MARK
                                + INSTANCE_KEY.substring(nameAt + 1), Escaping.MINIMAL),
                                new Str(new Text(key, Escaping.MINIMAL)));
                        default -> keyMember(key);
                    };
                    Member other = switch (spot) {
                        case IN_ANOTHER_VALUE -> new Member(new Text("note", Escaping.MINIMAL),
                                new Str(new Text("x" + MARK + "y", Escaping.MINIMAL)));
                        case IN_ANOTHER_NAME -> new Member(new Text("n" + MARK, Escaping.MINIMAL), new Num("1"));
                        default -> new Member(new Text("note", Escaping.MINIMAL), new Num("1"));
                    };
                    char replaced = spot == Spot.IN_THE_NAME_INSTANCEKEY ? INSTANCE_KEY.charAt(nameAt) : key.charAt(at);
                    byte[] event = write(new Obj(position % 2 == 0 ? List.of(keyMember, other) : List.of(other, keyMember)), ws)
                            .getBytes(StandardCharsets.UTF_8);
                    byte[] bad = badUtf8(kind, replaced, random);
                    byte[] mark = MARK.getBytes(StandardCharsets.UTF_8);
                    int markAt = indexOf(event, mark);
                    byte[] spliced = markAt >= 0 ? splice(event, markAt, mark.length, bad)
                            : splice(event, indexOf(event, new byte[] { '{' }) + 1, 0, bad);
                    return new FuzzCase("invalid UTF-8", kind + " " + spot, spliced, Expected.rejects(INVALID_EVENT));
                }).filter(fuzzCase -> !isUtf8(fuzzCase.event()));
    }

    static byte[] badUtf8(BadUtf8 kind, char replaced, byte[] random) {
        int r = random[0] & 0xff;
        return switch (kind) {
            case OVERLONG_2 -> bytes(0xc0 | replaced >> 6, 0x80 | replaced & 0x3f);
            case OVERLONG_3 -> bytes(0xe0, 0x80 | replaced >> 6, 0x80 | replaced & 0x3f);
            case OVERLONG_4 -> bytes(0xf0, 0x80, 0x80 | replaced >> 6, 0x80 | replaced & 0x3f);
            case SURROGATE -> bytes(0xed, 0xa0 | r & 0x1f, 0x80 | random[1] & 0x3f);
            case ABOVE_U10FFFF -> (r & 3) == 0 ? bytes(0xf4, 0x90 | r >> 4 & 0x0f, 0x80, 0x80)
                    : bytes(0xf4 + (r & 3), 0x80 | random[1] & 0x3f, 0x80 | random[2] & 0x3f, 0x80 | random[3] & 0x3f);
            case INVALID_BYTE -> bytes(0xf8 | r & 0x07);
            case LONE_CONTINUATION -> bytes(0x80 | r & 0x3f);
            case TRUNCATED_SEQUENCE -> bytes(0xc2 + r % 51);
            case RANDOM_HIGH_BYTES -> {
                byte[] high = Arrays.copyOf(random, 1 + r % 4);
                for (int i = 0; i < high.length; i++) {
                    high[i] |= (byte) 0x80;
                }
                yield high;
            }
        };
    }

    /** A valid object event cut anywhere before its closing brace: never a complete document. */
    private Arbitrary<FuzzCase> truncated() {
        return Combinators.combine(stringKeyEvents(), layouts(), Arbitraries.integers().between(0, Integer.MAX_VALUE))
                .as((event, ws, cut) -> {
                    byte[] bytes = write(event, ws).getBytes(StandardCharsets.UTF_8);
                    int end = lastIndexOf(bytes, (byte) '}');
                    int length = cut % end;
                    return new FuzzCase("truncated", length == 0 ? "to nothing" : "mid-document",
                            Arrays.copyOf(bytes, length), Expected.rejects(INVALID_EVENT));
                });
    }

    /** Comments, single quotes, NaN, trailing commas, bad escapes, raw controls, trailing data: not RFC 8259 JSON. */
    private Arbitrary<FuzzCase> nonStandardJson() {
        return Combinators.combine(Arbitraries.of(NON_STANDARD), validKeys())
                .as((template, key) -> new FuzzCase("non-standard JSON",
                        printable(template.getBytes(StandardCharsets.UTF_8), 60),
                        template.replace("$K", key).getBytes(StandardCharsets.UTF_8), Expected.rejects(INVALID_EVENT)));
    }

    enum Encoding {
        UTF_8_WITH_BOM("UTF-8", 0xef, 0xbb, 0xbf),
        UTF_16BE("UTF-16BE"),
        UTF_16LE("UTF-16LE"),
        UTF_16BE_WITH_BOM("UTF-16BE", 0xfe, 0xff),
        UTF_16LE_WITH_BOM("UTF-16LE", 0xff, 0xfe),
        UTF_32BE("UTF-32BE"),
        UTF_32LE("UTF-32LE");

        final Charset charset;
        final byte[] bom;

        Encoding(String charset, int... bom) {
            this.charset = Charset.forName(charset);
            this.bom = bytes(bom);
        }
    }

    /**
     * The same documents in other encodings, or behind a byte order mark. RFC 8259 requires UTF-8 but lets a parser
     * ignore a byte order mark, so each may be read as UTF-8 would be, or refused; never read as another key.
     */
    private Arbitrary<FuzzCase> otherEncodings() {
        return Combinators.combine(stringKeyEvents(), layouts(), Arbitraries.of(Encoding.class)).as((event, ws, encoding) -> {
            byte[] text = write(event, ws).getBytes(encoding.charset);
            return new FuzzCase("other encoding", encoding.name(), splice(text, 0, 0, encoding.bom),
                    expectedFor(event).or(new Rejected(INVALID_EVENT)));
        });
    }

    /** Random bytes, and random printable ASCII. */
    private Arbitrary<FuzzCase> rawBytes() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.bytes().array(byte[].class).ofMaxSize(2_048)
                        .map(bytes -> new FuzzCase("raw bytes", "random", bytes, Expected.anything()))),
                Tuple.of(1, Arbitraries.strings().ascii().ofMaxLength(300)
                        .map(text -> new FuzzCase("raw bytes", "ASCII", text.getBytes(StandardCharsets.UTF_8),
                                Expected.anything()))));
    }

    /** Random concatenations of JSON pieces, often starting like an event. */
    private Arbitrary<FuzzCase> jsonSoup() {
        return Combinators.combine(Arbitraries.of("", "{", "{\"instanceKey\":", "{\"instanceKey\":\""),
                Arbitraries.of(SOUP).list().ofMaxSize(24)).as(
                        (start, pieces) -> new FuzzCase("JSON soup", "pieces",
                                (start + String.join("", pieces)).getBytes(StandardCharsets.UTF_8), Expected.anything()));
    }

    record Edit(int position, int kind, byte value) {
    }

    /** A valid event with one to three bytes replaced, removed or inserted. */
    private Arbitrary<FuzzCase> mutated() {
        Arbitrary<Edit> edits = Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 2), Arbitraries.bytes()).as(Edit::new);
        return Combinators.combine(stringKeyEvents(), layouts(), edits.list().ofMinSize(1).ofMaxSize(3))
                .as((event, ws, changes) -> {
                    byte[] bytes = write(event, ws).getBytes(StandardCharsets.UTF_8);
                    for (Edit edit : changes) {
                        int at = edit.position() % (bytes.length + 1);
                        bytes = switch (at == bytes.length ? 2 : edit.kind()) {
                            case 0 -> splice(bytes, at, 1, new byte[] { edit.value() });
                            case 1 -> splice(bytes, at, 1, new byte[0]);
                            default -> splice(bytes, at, 0, new byte[] { edit.value() });
                        };
                    }
                    return new FuzzCase("mutated event", changes.size() + " byte edits", bytes, Expected.anything());
                });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Building blocks
    // ---------------------------------------------------------------------------------------------------------------

    /** Objects with exactly one instanceKey, a string (valid or not, in any escaping), among unrelated fields. */
    private Arbitrary<Obj> stringKeyEvents() {
        return Combinators.combine(keys(), escapings(), escapings(), extras(), positions())
                .as((key, nameEscaping, keyEscaping, extras, position) -> new Obj(insert(extras,
                        new Member(new Text(INSTANCE_KEY, nameEscaping), new Str(new Text(key, keyEscaping))), position)));
    }

    private Arbitrary<String> keys() {
        return Arbitraries.frequencyOf(Tuple.of(1, validKeys()), Tuple.of(1, invalidKeys()));
    }

    /** Valid keys: 1 to 128 characters, lengths 1 and 128 included. */
    private Arbitrary<String> validKeys() {
        Arbitrary<Character> first = Arbitraries.chars().with(KEY_START);
        Arbitrary<String> any = Combinators.combine(first, Arbitraries.strings().withChars(KEY_CHARS).ofMaxLength(127))
                .as((f, rest) -> f + rest).filter(k -> !k.contains(".."));
        Arbitrary<String> longest = Combinators.combine(first, Arbitraries.strings().withChars(KEY_CHARS).ofLength(127))
                .as((f, rest) -> f + rest).filter(k -> !k.contains(".."));
        return Arbitraries.frequencyOf(Tuple.of(6, any), Tuple.of(1, longest), Tuple.of(2, Arbitraries.of("demo", "a", "0",
                "_", "-", "a.b", "a.", "A-Za_z.0-9", "instance-01", "x".repeat(MAX_KEY_LENGTH), "k.e.y", "-.-")));
    }

    /** Keys outside the rule: tricky ones, valid keys spoilt or wrapped, length 129, and random Unicode. */
    private Arbitrary<String> invalidKeys() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(TRICKY_KEYS)),
                Tuple.of(4,
                        Combinators.combine(validKeys(), Arbitraries.of(BAD_INSERTS), positions(), Arbitraries.of(true, false))
                                .as((key, bad, position, replace) -> {
                                    int at = position % (key.length() + 1);
                                    return key.substring(0, at) + bad
                                            + key.substring(replace && at < key.length() ? at + 1 : at);
                                })),
                Tuple.of(2, validKeys().map(key -> "." + key)),
                Tuple.of(2, Combinators.combine(validKeys(), validKeys()).as((a, b) -> a + ".." + b)),
                Tuple.of(2, Combinators.combine(validKeys(), Arbitraries.of(KEY_WRAPPERS)).as((key, w) -> w.replace("@", key))),
                Tuple.of(1, Combinators.combine(validKeys(), Arbitraries.strings().withChars(KEY_CHARS).ofLength(128))
                        .as((key, more) -> (key.charAt(0) + more).replace("..", "._"))),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(20)),
                Tuple.of(1, Arbitraries.strings().withChars(KEY_CHARS + "/\\%?#; ").ofMaxLength(12)));
    }

    private static Member keyMember(String key) {
        return new Member(new Text(INSTANCE_KEY, Escaping.MINIMAL), new Str(new Text(key, Escaping.MINIMAL)));
    }

    /** Unrelated root fields, none named instanceKey, with distinct names. */
    private Arbitrary<List<Member>> extras() {
        return members(values(2)).filter(m -> !m.name().value().equals(INSTANCE_KEY)).list().ofMaxSize(4)
                .uniqueElements(m -> m.name().value());
    }

    private Arbitrary<Member> members(Arbitrary<Json> values) {
        return Combinators.combine(names(), values).as(Member::new);
    }

    /** Any JSON value up to {@code maxDepth} levels of arrays and objects (objects without duplicate names). */
    private Arbitrary<Json> values(int maxDepth) {
        return Arbitraries.recursive(this::scalars, inner -> Arbitraries.frequencyOf(
                Tuple.of(2, inner),
                Tuple.of(1, inner.list().ofMaxSize(4).map(Arr::new)),
                Tuple.of(1, members(inner).list().ofMaxSize(4).uniqueElements(m -> m.name().value()).map(Obj::new))),
                0, maxDepth);
    }

    private Arbitrary<Json> scalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, texts(unicode()).map(Str::new)),
                Tuple.of(2, numbers().map(Num::new)),
                Tuple.of(1, Arbitraries.of(true, false).map(Bool::new)),
                Tuple.of(1, Arbitraries.just(new Null())));
    }

    /** Valid JSON number literals, some beyond long and double. */
    private Arbitrary<String> numbers() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30)
                .map(d -> d.replaceFirst("^0+(?=.)", ""));
        Arbitrary<String> built = Combinators.combine(Arbitraries.of("", "-"), digits,
                Arbitraries.strings().numeric().ofMaxLength(20), Arbitraries.of("", "e", "E", "e+", "e-", "E-"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4))
                .as((sign, integer, fraction, exponent, exponentDigits) -> sign + integer
                        + (fraction.isEmpty() ? "" : "." + fraction) + (exponent.isEmpty() ? "" : exponent + exponentDigits));
        return Arbitraries.frequencyOf(Tuple.of(3, built), Tuple.of(1, Arbitraries.of("0", "-0", "1", "-1", "0.0", "-0.0",
                "1e999", "-1E-999", "1.5e+10", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
                "4.9e-324", "1.7976931348623157e308", "123456789012345678901234567890", "1E400", "0e0")));
    }

    private Arbitrary<Text> names() {
        return texts(Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("a", "b", "x", "id", "key", "data", INSTANCE_KEY, "")),
                Tuple.of(2, unicode())));
    }

    private Arbitrary<Text> texts(Arbitrary<String> values) {
        return Combinators.combine(values, escapings()).as(Text::new);
    }

    /** Short strings over all of Unicode, lone surrogates and controls included. */
    private Arbitrary<String> unicode() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(12)),
                Tuple.of(3, Arbitraries.strings().alpha().numeric().withChars("._-/\\ %?#;").ofMaxLength(12)),
                Tuple.of(2, Arbitraries.of(SPECIAL_STRINGS)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(4)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMaxLength(3)));
    }

    /** Strings of {@code min} to {@code max} characters: a short pattern repeated. */
    private static Arbitrary<String> hugeStrings(Arbitrary<String> patterns, int min, int max) {
        Arbitrary<Integer> lengths = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.integers().between(min, max)),
                Tuple.of(1, Arbitraries.of(min, max)));
        return Combinators.combine(patterns.filter(p -> !p.isEmpty()), lengths)
                .as((pattern, length) -> pattern.repeat(length / pattern.length() + 1).substring(0, length));
    }

    private static Arbitrary<Escaping> escapings() {
        return Arbitraries.of(Escaping.class);
    }

    /** JSON whitespace, put around and between all tokens. */
    private static Arbitrary<String> layouts() {
        return Arbitraries.of("", "", " ", "\n", "\t", "\r\n", " \n\t ");
    }

    private static Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 1_000);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------------

    private static List<Member> insert(List<Member> members, Member member, int position) {
        List<Member> all = new ArrayList<>(members);
        all.add(position % (all.size() + 1), member);
        return List.copyOf(all);
    }

    private static String typeOf(Json value) {
        return switch (value) {
            case Obj o -> "object";
            case Arr a -> "array";
            case Nest n -> n.objects() ? "object" : "array";
            case Many m -> "array";
            case Str s -> "string";
            case Num n -> "number";
            case Bool b -> "boolean";
            case Null n -> "null";
        };
    }

    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + insert.length);
        out.write(bytes, 0, at);
        out.writeBytes(insert);
        out.write(bytes, at + remove, bytes.length - at - remove);
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte b) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The first {@code limit} bytes as a Java-like literal: printable ASCII as is, anything else as \\xNN. */
    static String printable(byte[] bytes, int limit) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < Math.min(limit, bytes.length); i++) {
            int b = bytes[i] & 0xff;
            if (b == '"' || b == '\\') {
                out.append('\\').append((char) b);
            } else if (b >= 0x20 && b < 0x7f) {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02X", b));
            }
        }
        return out.append(bytes.length > limit ? "\"... (" + (bytes.length - limit) + " more bytes)" : "\"").toString();
    }
}
