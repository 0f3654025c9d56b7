package io.megalogout.megaapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
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
import io.megalogout.logout.LogoutAnswer;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Mega-API's own OpenAPI document (src/test/resources/megaapi, the provider's page with the path made a template) is
 * the reference: the request we send matches its operation, and an answer shaped by its 200 schema reads back whole.
 */
@QuarkusTest
@WithTestResource(MegaApiStub.class)
class MegaApiContractTest {

    private static JsonNode operation;
    private static String pathTemplate;

    @InjectMegaApiStub
    WireMockServer megaApi;

    @Inject
    MegaApi client;

    @BeforeAll
    static void readTheContract() throws IOException {
        try (InputStream yaml = MegaApiContractTest.class.getResourceAsStream("/megaapi/logout.openapi.yaml")) {
            JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(yaml).get("paths");
            assertThat(paths.size()).as("the contract describes one path").isEqualTo(1);
            pathTemplate = paths.fieldNames().next();
            JsonNode methods = paths.get(pathTemplate);
            assertThat(methods.size()).as("the path has one operation").isEqualTo(1);
            assertThat(methods.fieldNames().next()).isEqualTo("delete");
            operation = methods.get("delete");
        }
    }

    @Test
    void sendsTheRequestTheContractDescribes() {
        megaApi.stubFor(any(anyUrl()).willReturn(contractAnswer()));

        client.logout(new InstanceKey("megacode-Contract_1.a"), Deadline.none());

        assertThat(megaApi.getAllServeEvents()).hasSize(1);
        LoggedRequest request = megaApi.getAllServeEvents().get(0).getRequest();
        assertThat(request.getMethod().getName()).isEqualToIgnoringCase("delete");
        var path = Pattern.compile(pathTemplate.replace("{instance_key}", "([^/]+)")).matcher(request.getUrl());
        assertThat(path.matches()).as("%s matches %s", request.getUrl(), pathTemplate).isTrue();
        assertThat(path.group(1)).isEqualTo("megacode-Contract_1.a");
        for (JsonNode parameter : operation.get("parameters")) {
            if (parameter.get("in").asText().equals("header") && parameter.get("required").asBoolean()) {
                assertThat(request.containsHeader(parameter.get("name").asText())).isTrue();
            }
        }
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + MegaApiStub.TOKEN);
    }

    @Test
    void readsAnAnswerShapedByThe200Schema() {
        megaApi.stubFor(any(anyUrl()).willReturn(contractAnswer()));

        LogoutAnswer answer = client.logout(new InstanceKey("demo"), Deadline.none());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.error()).isFalse();
        assertThat(answer.message()).isEqualTo("example string");
    }

    /** A 200 answer built from the contract's schema: every declared property, with a value of its declared type. */
    private static ResponseDefinitionBuilder contractAnswer() {
        JsonNode content = operation.at("/responses/200/content");
        String mediaType = content.fieldNames().next();
        ObjectNode body = new ObjectMapper().createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> properties = content.get(mediaType).at("/schema/properties").fields();
        properties.forEachRemaining(property -> {
            switch (property.getValue().get("type").asText()) {
                case "boolean" -> body.put(property.getKey(), false);
                case "string" -> body.put(property.getKey(), "example string");
                default -> throw new IllegalStateException("the contract grew a type: " + property);
            }
        });
        return aResponse().withStatus(200).withHeader("Content-Type", mediaType).withBody(body.toString());
    }
}
