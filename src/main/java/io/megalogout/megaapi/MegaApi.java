package io.megalogout.megaapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.megalogout.error.MegaApiUnavailableException;
import io.megalogout.logout.InstanceKey;

/** Mega-API as the use case sees it: one logout call, with the bearer token, answered or failed with our errors. */
@ApplicationScoped
public class MegaApi {

    private final MegaApiClient client;
    private final LogoutAnswerReader answers;
    private final BearerToken token;

    MegaApi(@RestClient MegaApiClient client, LogoutAnswerReader answers, MegaApiConfig config) {
        this.client = client;
        this.answers = answers;
        this.token = config.token();
    }

    public LogoutResponse logout(InstanceKey key) {
        int status;
        String body;
        try (Response response = client.logout(key.value(), token.authorization())) {
            status = response.getStatus();
            body = response.hasEntity() ? response.readEntity(String.class) : null;
        } catch (ProcessingException e) {
            throw new MegaApiUnavailableException(key.value(), describe(e), e);
        }
        return answers.read(key, status, body);
    }

    /** What went wrong on the wire, from the innermost cause: connection refused, timeout, unknown host... */
    private String describe(ProcessingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getMessage() == null ? "" : ": " + token.redact(root.getMessage());
        return root.getClass().getSimpleName() + detail;
    }
}
