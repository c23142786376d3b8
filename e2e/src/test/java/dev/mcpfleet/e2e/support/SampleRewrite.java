package dev.mcpfleet.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mcpfleet.api.ManifestReader;
import dev.mcpfleet.api.McpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sample as it runs here: every upstream it calls (HTTP tool URLs, the JWKS) moved to a local
 * stub, and its egress allow-list to that stub's address. Everything else is the sample's.
 */
public final class SampleRewrite {

  private static final Pattern ORIGIN = Pattern.compile("^(https?://[^/?#]+)");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private SampleRewrite() {}

  public static McpServer toStub(Path sample, StubApi stub) throws Exception {
    McpServer original = ManifestReader.read(sample);
    String text = Files.readString(sample);
    for (String origin : upstreamOrigins(original)) {
      text = text.replace(origin, stub.baseUrl());
    }
    JsonNode manifest = YAML.readTree(text);
    JsonNode egress = manifest.at("/spec/network/egress");
    if (egress instanceof ObjectNode allowed) {
      allowed.putArray("allowedHosts").add("127.0.0.1");
      allowed.putArray("ports").add(URI.create(stub.baseUrl()).getPort());
    }
    return ManifestReader.parse(
        sample + " (upstreams on " + stub.baseUrl() + ")", YAML.writeValueAsString(manifest));
  }

  private static Set<String> upstreamOrigins(McpServer server) throws IOException {
    Set<String> origins = new LinkedHashSet<>();
    var spec = server.getSpec();
    if (spec.server() != null && spec.server().tools() != null) {
      spec.server().tools().stream()
          .filter(t -> t.http() != null)
          .forEach(t -> origin(t.http().url(), origins));
    }
    if (spec.security() != null
        && spec.security().auth() != null
        && spec.security().auth().jwt() != null) {
      origin(spec.security().auth().jwt().jwksUri(), origins);
    }
    return origins;
  }

  private static void origin(String url, Set<String> origins) {
    Matcher m = ORIGIN.matcher(url);
    if (m.find()) {
      origins.add(m.group(1));
    }
  }
}
