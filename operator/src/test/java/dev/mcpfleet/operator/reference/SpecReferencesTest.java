package dev.mcpfleet.operator.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.operator.TestServers;
import org.junit.jupiter.api.Test;

class SpecReferencesTest {

  @Test
  void collectsEveryReferenceWithItsField() {
    var server =
        TestServers.parse(
            TestServers.WEATHER
                + """
                  resilience:
                    redis: {urlFrom: {secretKeyRef: {name: redis, key: url}}}
                  security:
                    auth: {mode: apiKey, apiKey: {secretRef: keys}}
                  pod:
                    env:
                      - {name: A, valueFrom: {configMapKeyRef: {name: settings, key: a}}}
                    envFrom:
                      - secretRef: {name: extra, optional: true}
                """);

    var refs = SpecReferences.of(server.getSpec());

    assertThat(refs)
        .extracting(
            r -> r.kind().displayName() + " " + r.name() + " " + r.key() + " @ " + r.field())
        .containsExactly(
            "Secret weather-api token @ spec.server.tools[0].http.headers[0].valueFrom",
            "Secret redis url @ spec.resilience.redis.urlFrom",
            "Secret keys null @ spec.security.auth.apiKey.secretRef",
            "ConfigMap settings a @ spec.pod.env[0].valueFrom",
            "Secret extra null @ spec.pod.envFrom[0].secretRef");
    assertThat(refs.get(4).optional()).isTrue();
  }

  @Test
  void apiKeySecretCountsOnlyInApiKeyMode() {
    var jwt =
        TestServers.helloWith(
            """
            security:
              auth:
                mode: jwt
                jwt: {issuer: "https://id.example.com", audiences: [a], jwksUri: "https://id.example.com/jwks"}
                apiKey: {secretRef: unused}
            """);

    assertThat(SpecReferences.apiKeySecret(jwt.getSpec())).isEmpty();
  }
}
