package io.megalogout.megaapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.megalogout.logout.Deadline;
import io.megalogout.logout.InstanceKey;
import io.megalogout.logout.InstanceStatus;
import io.megalogout.logout.LogoutAnswer;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Mega-API's own OpenAPI documents (src/test/resources/megaapi: the provider's logout page with the path made a
 * template, and the status endpoint as observed) are the reference: each request we send matches its operation, and an
 * answer shaped by its 200 schema reads back whole.
 */
@QuarkusTest
@WithTestResource(MegaApiStub.class)
class MegaApiContractTest {

    private static Operation logout;
    private static Operation status;

    @InjectMegaApiStub
    WireMockServer megaApi;

    @Inject
    MegaApi client;

    /** The one operation of one document: its path template, method and definition. */
    record Operation(String pathTemplate, String method, JsonNode definition) {

        static Operation of(String document) throws IOException {
            try (InputStream yaml = MegaApiContractTest.class.getResourceAsStream(document)) {
                JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(yaml).get("paths");
                assertThat(paths.size()).as("%s describes one path", document).isEqualTo(1);
                String pathTemplate = paths.fieldNames().next();
                JsonNode methods = paths.get(pathTemplate);
                assertThat(methods.size()).as("the path has one operation").isEqualTo(1);
                String method = methods.fieldNames().next();
                return new Operation(pathTemplate, method, methods.get(method));
            }
        }

        /** Checks that {@code request} is this operation for {@code key}, with every required header. */
        void assertSent(LoggedRequest request, String key) {
            assertThat(request.getMethod().getName()).isEqualToIgnoringCase(method);
            Matcher path = Pattern.compile(pathTemplate.replace("{instance_key}", "([^/]+)")).matcher(request.getUrl());
            assertThat(path.matches()).as("%s matches %s", request.getUrl(), pathTemplate).isTrue();
            assertThat(path.group(1)).isEqualTo(key);
            for (JsonNode parameter : definition.get("parameters")) {
                if (parameter.get("in").asText().equals("header") && parameter.get("required").asBoolean()) {
                    assertThat(request.containsHeader(parameter.get("name").asText())).isTrue();
                }
            }
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + MegaApiStub.TOKEN);
        }

        /** A 200 answer built from the schema: every declared property, with a value of its declared type. */
        ResponseDefinitionBuilder answer200() {
            JsonNode content = definition.at("/responses/200/content");
            String mediaType = content.fieldNames().next();
            ObjectNode body = example(content.get(mediaType).get("schema"));
            return aResponse().withStatus(200).withHeader("Content-Type", mediaType).withBody(body.toString());
        }

        private static ObjectNode example(JsonNode objectSchema) {
            ObjectNode object = new ObjectMapper().createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> properties = objectSchema.get("properties").fields();
            properties.forEachRemaining(property -> {
                switch (property.getValue().get("type").asText()) {
                    case "boolean" -> object.put(property.getKey(), false);
                    case "string" -> object.put(property.getKey(), "example string");
                    case "object" -> object.set(property.getKey(), example(property.getValue()));
                    default -> throw new IllegalStateException("the contract grew a type: " + property);
                }
            });
            return object;
        }
    }

    @BeforeAll
    static void readTheContracts() throws IOException {
        logout = Operation.of("/megaapi/logout.openapi.yaml");
        assertThat(logout.method()).isEqualTo("delete");
        status = Operation.of("/megaapi/status.openapi.yaml");
        assertThat(status.method()).isEqualTo("get");
    }

    @Test
    void sendsTheLogoutTheContractDescribes() {
        megaApi.stubFor(any(anyUrl()).willReturn(logout.answer200()));

        client.logout(new InstanceKey("megacode-Contract_1.a"), Deadline.none());

        assertThat(megaApi.getAllServeEvents()).hasSize(1);
        logout.assertSent(megaApi.getAllServeEvents().get(0).getRequest(), "megacode-Contract_1.a");
    }

    @Test
    void readsALogoutAnswerShapedByThe200Schema() {
        megaApi.stubFor(any(anyUrl()).willReturn(logout.answer200()));

        LogoutAnswer answer = client.logout(new InstanceKey("demo"), Deadline.none());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.error()).isFalse();
        assertThat(answer.message()).isEqualTo("example string");
    }

    @Test
    void sendsTheStatusReadTheContractDescribes() {
        megaApi.stubFor(any(anyUrl()).willReturn(status.answer200()));

        client.status(new InstanceKey("megacode-Contract_1.a"), Deadline.none());

        assertThat(megaApi.getAllServeEvents()).hasSize(1);
        status.assertSent(megaApi.getAllServeEvents().get(0).getRequest(), "megacode-Contract_1.a");
    }

    /** The schema's status is any string, which is not "disconnected": the answer reads as a status all the same. */
    @Test
    void readsAStatusAnswerShapedByThe200Schema() throws IOException {
        megaApi.stubFor(any(anyUrl()).willReturn(status.answer200()));

        InstanceStatus answer = client.status(new InstanceKey("demo"), Deadline.none());

        assertThat(answer.httpStatus()).isEqualTo(200);
        assertThat(answer.status()).isEqualTo("example string");
        assertThat(answer.disconnected()).isFalse();
        JsonNode instance = new ObjectMapper().readTree(answer.instanceJson());
        assertThat(instance.get("user").get("id").asText()).isEqualTo("example string");
    }
}
