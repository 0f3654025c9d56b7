package io.megalogout.lambda.secrets;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * AWS Secrets Manager, IAM and STS as {@code moto_server} serves them on a loopback port of its own, with moto's IAM
 * checks on ({@code INITIAL_NO_AUTH_ACTION_COUNT}): a request signed with unknown keys, a wrong secret key or a wrong
 * session token is refused, and a role may do only what its policy allows. The first three actions (an administrator,
 * its key, its policy) are the only ones moto lets through unsigned; everything after is signed with that key.
 * Roles' policies name {@code "Resource": "*"}: moto checks the action, not the resource, for Secrets Manager.
 */
public final class MotoSecretsManager implements AutoCloseable {

    public static final String REGION = "sa-east-1";
    private static final String ACCOUNT = "123456789012";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":user/admin\"},\"Action\":\"sts:AssumeRole\"}]}";

    /** A role's temporary credentials, as Lambda hands them to a function. */
    public record RoleCredentials(String accessKeyId, String secretAccessKey, String sessionToken, String expiration) {
    }

    private final Process process;
    private final Path log;
    private final URI endpoint;
    private final AwsCredentialsProvider admin;
    private final SecretsManagerClient secrets;

    private MotoSecretsManager(Process process, Path log, URI endpoint) {
        this.process = process;
        this.log = log;
        this.endpoint = endpoint;
        AwsCredentialsProvider anyone = StaticCredentialsProvider.create(AwsBasicCredentials.create("setup", "setup"));
        try (IamClient iam = IamClient.builder().region(Region.AWS_GLOBAL).endpointOverride(endpoint)
                .credentialsProvider(anyone).build()) {
            iam.createUser(user -> user.userName("admin"));
            AccessKey key = iam.createAccessKey(request -> request.userName("admin")).accessKey();
            iam.putUserPolicy(policy -> policy.userName("admin").policyName("all").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));
            admin = StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(),
                    key.secretAccessKey()));
        }
        secrets = SecretsManagerClient.builder().region(Region.of(REGION)).endpointOverride(endpoint)
                .credentialsProvider(admin).build();
    }

    /** Starts {@code moto_server} (on PATH; .ci/run checks it is there) and waits until it answers. */
    public static MotoSecretsManager start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Files.createTempFile("moto-server", ".log");
        ProcessBuilder builder = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("INITIAL_NO_AUTH_ACTION_COUNT", "3");
        Process process;
        try {
            process = builder.start();
        } catch (IOException notInstalled) {
            throw new IOException("moto_server could not be started (is it installed and on PATH?)", notInstalled);
        }
        for (long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);; Thread.sleep(100)) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                break;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > giveUp) {
                    process.destroyForcibly();
                    throw new IOException("moto_server did not start on port " + port + ":\n" + Files.readString(log));
                }
            }
        }
        return new MotoSecretsManager(process, log, URI.create("http://127.0.0.1:" + port));
    }

    /** The value of {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}. */
    public String endpoint() {
        return endpoint.toString();
    }

    /** Creates a secret holding {@code value}; returns its ARN. */
    public String createSecret(String name, String value) {
        return secrets.createSecret(secret -> secret.name(name).secretString(value)).arn();
    }

    /** Creates a binary secret (no {@code SecretString}); returns its ARN. */
    public String createBinarySecret(String name, byte[] value) {
        return secrets.createSecret(secret -> secret.name(name).secretBinary(SdkBytes.fromByteArray(value))).arn();
    }

    /** A new version of the secret, as a rotation writes it. */
    public void putSecretValue(String secretId, String value) {
        secrets.putSecretValue(secret -> secret.secretId(secretId).secretString(value));
    }

    /** Credentials of a new role that may only {@code secretsmanager:GetSecretValue}, as the template's role. */
    public RoleCredentials readerRole(String name) {
        return role(name, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}");
    }

    /** Credentials of a new role without any permission on secrets. */
    public RoleCredentials deniedRole(String name) {
        return role(name, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"sqs:SendMessage\",\"Resource\":\"*\"}]}");
    }

    private RoleCredentials role(String name, String policy) {
        try (IamClient iam = IamClient.builder().region(Region.AWS_GLOBAL).endpointOverride(endpoint)
                .credentialsProvider(admin).build();
                StsClient sts = StsClient.builder().region(Region.of(REGION)).endpointOverride(endpoint)
                        .credentialsProvider(admin).build()) {
            iam.createRole(role -> role.roleName(name).assumeRolePolicyDocument(TRUST));
            iam.putRolePolicy(role -> role.roleName(name).policyName("secrets").policyDocument(policy));
            Credentials credentials = sts.assumeRole(assume -> assume.roleArn("arn:aws:iam::" + ACCOUNT + ":role/" + name)
                    .roleSessionName("megaapi-logout")).credentials();
            return new RoleCredentials(credentials.accessKeyId(), credentials.secretAccessKey(),
                    credentials.sessionToken(), credentials.expiration().toString());
        }
    }

    @Override
    public void close() {
        secrets.close();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
