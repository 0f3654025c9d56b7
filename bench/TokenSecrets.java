import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a Lambda row's Mega-API token secret is served from, by the name its LAMBDA_ROWS entry gives in its fourth
 * field: {@code sdk} (moto_server, read with the SDK reader) or {@code extension} (the extension's stand-in, read with
 * the extension reader). Each is started once, when a row first asks, and serves every round; close stops them.
 */
final class TokenSecrets implements AutoCloseable {

    static final String SDK = "sdk";
    static final String EXTENSION = "extension";

    private final String token;
    private final Path logDir;
    private MotoSecrets moto;
    private String motoMissing;
    private ExtensionStandIn extension;

    TokenSecrets(String token, Path logDir) {
        this.token = token;
        this.logDir = logDir;
    }

    /**
     * The environment that gives the function the token through {@code source} (in place of MEGAAPI_TOKEN), or empty
     * when that source cannot run on this machine (moto_server not on PATH); any other failure to start fails the bench.
     */
    Optional<Map<String, String>> environment(String source) throws Exception {
        switch (source) {
            case SDK -> {
                if (moto == null && motoMissing == null) {
                    try {
                        moto = MotoSecrets.start(token, logDir);
                    } catch (IOException e) {
                        if (!MotoSecrets.missing(e)) {
                            throw e;
                        }
                        motoMissing = "n/a (moto_server missing)";
                        System.err.println("bench: moto_server is not on PATH: the rows reading the secret with the"
                                + " SDK reader say " + motoMissing);
                    }
                }
                return moto == null ? Optional.empty() : Optional.of(moto.environment());
            }
            case EXTENSION -> {
                if (extension == null) {
                    extension = new ExtensionStandIn(token);
                }
                return Optional.of(extension.environment());
            }
            default -> throw new IllegalArgumentException("no token secret source '" + source + "' (sdk or extension)");
        }
    }

    /** Why {@code source} gave no environment, for the table's cells. */
    String unavailable(String source) {
        return SDK.equals(source) && motoMissing != null ? motoMissing : "n/a";
    }

    @Override
    public void close() {
        if (moto != null) {
            moto.close();
        }
        if (extension != null) {
            extension.close();
        }
    }
}
