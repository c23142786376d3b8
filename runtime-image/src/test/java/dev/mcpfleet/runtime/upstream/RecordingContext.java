package dev.mcpfleet.runtime.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.Caller;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A client's call as an upstream request sees it: what was relayed, and scripted answers. */
final class RecordingContext implements CallContext {

  /** Answers the questions put to the client. */
  @FunctionalInterface
  interface Answers {
    Map<String, JsonNode> ask(List<InputRequest> requests) throws Exception;
  }

  final List<String> progress = new CopyOnWriteArrayList<>();
  final List<String> logs = new CopyOnWriteArrayList<>();
  final List<InputRequest> asked = new CopyOnWriteArrayList<>();
  private final Answers answers;

  RecordingContext(Answers answers) {
    this.answers = answers;
  }

  @Override
  public Caller caller() {
    return Caller.ANONYMOUS;
  }

  @Override
  public String requestId() {
    return "r-test";
  }

  @Override
  public void progress(double progress, Double total, String message) {
    this.progress.add(progress + "/" + total + " " + message);
  }

  @Override
  public void log(String level, String logger, JsonNode data) {
    logs.add(level + " " + logger + " " + data.asText());
  }

  @Override
  public boolean cancelled() {
    return false;
  }

  @Override
  public JsonNode elicit(String key, String message, ObjectNode requestedSchema) {
    throw new UnsupportedOperationException("questions come through ask");
  }

  @Override
  public JsonNode sample(String key, ObjectNode params) {
    throw new UnsupportedOperationException("questions come through ask");
  }

  @Override
  public JsonNode listRoots(String key) {
    throw new UnsupportedOperationException("questions come through ask");
  }

  @Override
  public Map<String, JsonNode> ask(List<InputRequest> requests) throws Exception {
    asked.addAll(requests);
    return answers.ask(requests);
  }
}
