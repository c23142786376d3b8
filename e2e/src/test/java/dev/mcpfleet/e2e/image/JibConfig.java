package dev.mcpfleet.e2e.image;

import dev.mcpfleet.e2e.support.Repository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The Jib configuration of a module's {@code image} profile, with the parent pom's properties
 * resolved: what {@code ./mvnw -Pimage ... package} builds.
 */
record JibConfig(
    String from,
    String to,
    String mainClass,
    List<String> args,
    List<String> jvmFlags,
    List<String> ports,
    String user) {

  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  static JibConfig of(String module) {
    try {
      Document pom = parse(Repository.resolve(module + "/pom.xml"));
      Map<String, String> properties = properties(parse(Repository.resolve("pom.xml")));
      XPath xpath = XPathFactory.newInstance().newXPath();
      String config =
          "/project/profiles/profile[id='image']/build/plugins/plugin"
              + "[artifactId='jib-maven-plugin']/configuration";
      java.util.function.Function<String, String> text =
          path -> {
            try {
              return resolve(xpath.evaluate(config + path, pom).strip(), properties);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          };
      java.util.function.Function<String, List<String>> list =
          path -> {
            try {
              NodeList nodes =
                  (NodeList) xpath.evaluate(config + path, pom, XPathConstants.NODESET);
              List<String> values = new ArrayList<>();
              for (int i = 0; i < nodes.getLength(); i++) {
                values.add(resolve(nodes.item(i).getTextContent().strip(), properties));
              }
              return values;
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          };
      return new JibConfig(
          text.apply("/from/image"),
          text.apply("/to/image"),
          text.apply("/container/mainClass"),
          list.apply("/container/args/arg"),
          list.apply("/container/jvmFlags/jvmFlag"),
          list.apply("/container/ports/port"),
          text.apply("/container/user"));
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the Jib configuration of " + module, e);
    }
  }

  private static Document parse(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }

  private static Map<String, String> properties(Document parent) {
    Map<String, String> properties = new HashMap<>();
    NodeList nodes = parent.getElementsByTagName("properties").item(0).getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == org.w3c.dom.Node.ELEMENT_NODE) {
        properties.put(nodes.item(i).getNodeName(), nodes.item(i).getTextContent().strip());
      }
    }
    properties.put("project.version", Repository.projectVersion());
    return properties;
  }

  private static String resolve(String value, Map<String, String> properties) {
    String resolved = value;
    for (int depth = 0; depth < 10; depth++) {
      Matcher m = PROPERTY.matcher(resolved);
      if (!m.find()) {
        return resolved;
      }
      resolved =
          m.replaceAll(
              r -> Matcher.quoteReplacement(properties.getOrDefault(r.group(1), r.group())));
    }
    return resolved;
  }
}
