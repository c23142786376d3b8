package dev.mcpfleet.e2e.helm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * values.schema.json rejects wrong values before anything is rendered, with a message that names
 * the value and says what is expected.
 */
class ChartValuesSchemaTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          replicaCount: three                       | replicaCount: Invalid type. Expected: integer, given: string
          replicaCount: 0                           | replicaCount: Must be greater than or equal to 1
          replicas: 2                               | Additional property replicas is not allowed
          logFormat: xml                            | logFormat: logFormat must be one of the following: "json", "text"
          watchNamespaces: [Team_A]                 | watchNamespaces.0: Does not match pattern
          watchNamespaces: team-a                   | watchNamespaces: Invalid type. Expected: array, given: string
          leaderElection: {enabled: "yes"}          | leaderElection.enabled: leaderElection.enabled must be one of the following: "auto", true, false
          image: {repository: ""}                   | image.repository: String length must be greater than or equal to 1
          httpPort: 70000                           | httpPort: Must be less than or equal to 65535
          prometheusRule: {errorRatio: 5}           | prometheusRule.errorRatio: Must be less than 1
          serviceMonitor: {interval: soon}          | serviceMonitor.interval: Does not match pattern
          resources: {requests: {cpu: lots}}        | resources.requests.cpu: Must validate at least one schema (anyOf)
          networkPolicy: {apiServer: {cidrs: []}}   | networkPolicy.apiServer.cidrs: Array must have at least 1 items
          """)
  void wrongValueFailsWithAMessageNamingIt(String values, String message) {
    assertThatThrownBy(() -> HelmChart.template(values))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining(message);
  }
}
