package dev.mcpfleet.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EgressHostsTest {

  @Test
  void withoutAListEveryHostIsAllowed() {
    assertThat(EgressHosts.permits(null, "anything.example")).isTrue();
  }

  @Test
  void exactNamesMatchWholeHostsIgnoringCase() {
    List<String> allowed = List.of("api.example.com");

    assertThat(EgressHosts.permits(allowed, "API.example.com")).isTrue();
    assertThat(EgressHosts.permits(allowed, "evil-api.example.com")).isFalse();
    assertThat(EgressHosts.permits(allowed, "api.example.com.evil.net")).isFalse();
  }

  @Test
  void wildcardsMatchSubdomainsOnly() {
    List<String> allowed = List.of("*.example.com");

    assertThat(EgressHosts.permits(allowed, "a.b.example.com")).isTrue();
    assertThat(EgressHosts.permits(allowed, "example.com")).isFalse();
    assertThat(EgressHosts.permits(allowed, "badexample.com")).isFalse();
  }
}
