package dev.mcpfleet.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UriTemplateMatcherTest {

  @Test
  void simpleVariablesMatchOneSegmentAndAreDecoded() {
    UriTemplateMatcher m = new UriTemplateMatcher("users://{id}/profile");

    assertThat(m.match("users://ada%20l/profile")).isEqualTo(Map.of("id", "ada l"));
    assertThat(m.match("users://a/b/profile")).isNull();
    assertThat(m.match("users:///profile")).isNull();
    assertThat(m.match("users://ada/profile/x")).isNull();
  }

  @Test
  void reservedExpansionSpansSlashes() {
    assertThat(new UriTemplateMatcher("file:///{+path}").match("file:///etc/hosts"))
        .isEqualTo(Map.of("path", "etc/hosts"));
  }

  @Test
  void pathSegmentsLabelsAndFragmentsMatch() {
    assertThat(
            new UriTemplateMatcher("docs://x{/section}{.format}{#part}")
                .match("docs://x/intro.md#top"))
        .isEqualTo(Map.of("section", "intro", "format", "md", "part", "top"));
  }

  @Test
  void queryVariablesMatchByNameInAnyOrderAndAreOptional() {
    UriTemplateMatcher m = new UriTemplateMatcher("search://items{?q,lang}");

    assertThat(m.match("search://items?lang=en&q=tea%20pot"))
        .isEqualTo(Map.of("q", "tea pot", "lang", "en"));
    assertThat(m.match("search://items")).isEmpty();
    assertThat(m.match("search://other?q=1")).isNull();
  }

  @Test
  void aVariableLeavesTheFollowingExpressionItsPart() {
    assertThat(new UriTemplateMatcher("files://{name}{.ext}").match("files://report.pdf"))
        .isEqualTo(Map.of("name", "report", "ext", "pdf"));
  }

  @Test
  void literalsAreMatchedLiterally() {
    assertThat(new UriTemplateMatcher("a://x.y/{id}").match("a://xzy/1")).isNull();
  }
}
