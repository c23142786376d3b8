package dev.mcpfleet.runtime.conformance;

import static dev.mcpfleet.runtime.conformance.Fixture.answered;
import static dev.mcpfleet.runtime.conformance.Fixture.json;
import static dev.mcpfleet.runtime.conformance.Fixture.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.CallContext.InputRequest;
import dev.mcpfleet.runtime.spi.McpTool;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fixtures that ask the client for input: legacy elicitation and sampling (requests on the
 * call's stream) and the 2026-07-28 input-required scenarios (MRTR). All are written once against
 * {@link CallContext}; the runtime carries them over either wire.
 */
final class InputFixtures {

  private InputFixtures() {}

  static ObjectNode nameSchema(String field) {
    return json(
        "{'type':'object','properties':{'"
            + field
            + "':{'type':'string'}},'required':['"
            + field
            + "']}");
  }

  static ObjectNode samplingParams(String text, int maxTokens) {
    return json(
        "{'messages':[{'role':'user','content':{'type':'text','text':'"
            + text
            + "'}}],'maxTokens':"
            + maxTokens
            + "}");
  }

  static List<McpTool> tools() {
    return List.of(
        tool(
            "test_sampling",
            "Tests server-initiated sampling (LLM completion request)",
            "{'type':'object','properties':{'prompt':{'type':'string'}},'required':['prompt']}",
            false,
            (call, ctx) -> {
              JsonNode reply =
                  ctx.sample(
                      "sampling", samplingParams(call.arguments().path("prompt").asText(), 100));
              return ToolResult.text(
                  "LLM response: " + reply.path("content").path("text").asText());
            }),
        tool(
            "test_elicitation",
            "Tests server-initiated elicitation (user input request)",
            "{'type':'object','properties':{'message':{'type':'string'}},'required':['message']}",
            false,
            (call, ctx) -> {
              JsonNode reply =
                  ctx.elicit(
                      "elicitation",
                      call.arguments().path("message").asText(),
                      json(
                          "{'type':'object','properties':{'response':{'type':'string',"
                              + "'description':'User response'}},'required':['response']}"));
              return ToolResult.text(
                  "User response: action="
                      + reply.path("action").asText()
                      + ", content="
                      + reply.path("content"));
            }),
        tool(
            "test_elicitation_sep1034_defaults",
            "Tests elicitation with default values per SEP-1034",
            null,
            false,
            (call, ctx) ->
                elicited(
                    ctx,
                    "Please review and update the form fields with defaults",
                    """
                {'type':'object','properties':{
                 'name':{'type':'string','description':'User name','default':'John Doe'},
                 'age':{'type':'integer','description':'User age','default':30},
                 'score':{'type':'number','description':'User score','default':95.5},
                 'status':{'type':'string','description':'User status',
                   'enum':['active','inactive','pending'],'default':'active'},
                 'verified':{'type':'boolean','description':'Verification status','default':true}},
                 'required':[]}
                """)),
        tool(
            "test_elicitation_sep1330_enums",
            "Tests elicitation with enum schema improvements per SEP-1330",
            null,
            false,
            (call, ctx) ->
                elicited(
                    ctx,
                    "Please select options from the enum fields",
                    """
                {'type':'object','properties':{
                 'untitledSingle':{'type':'string','description':'Select one option',
                   'enum':['option1','option2','option3']},
                 'titledSingle':{'type':'string','description':'Select one option with titles',
                   'oneOf':[{'const':'value1','title':'First Option'},
                     {'const':'value2','title':'Second Option'},
                     {'const':'value3','title':'Third Option'}]},
                 'legacyEnum':{'type':'string','description':'Select one option (legacy)',
                   'enum':['opt1','opt2','opt3'],
                   'enumNames':['Option One','Option Two','Option Three']},
                 'untitledMulti':{'type':'array','description':'Select multiple options',
                   'minItems':1,'maxItems':3,
                   'items':{'type':'string','enum':['option1','option2','option3']}},
                 'titledMulti':{'type':'array','description':'Select multiple options with titles',
                   'minItems':1,'maxItems':3,
                   'items':{'anyOf':[{'const':'value1','title':'First Choice'},
                     {'const':'value2','title':'Second Choice'},
                     {'const':'value3','title':'Third Choice'}]}}},
                 'required':[]}
                """)),
        tool(
            "test_missing_capability",
            "Test tool requiring sampling",
            null,
            false,
            (call, ctx) -> {
              ctx.sample("probe", samplingParams("ping", 10));
              return ToolResult.text("Success");
            }),
        tool(
            "test_input_required_result_elicitation",
            "MRTR: returns InputRequiredResult with elicitation request",
            null,
            false,
            (call, ctx) ->
                ToolResult.text(
                    "Hello, "
                        + answered(
                            ctx.elicit("user_name", "What is your name?", nameSchema("name")),
                            "name")
                        + "!")),
        tool(
            "test_input_required_result_sampling",
            "MRTR: returns InputRequiredResult with sampling request",
            null,
            false,
            (call, ctx) ->
                ToolResult.text(
                    "Sampling said: "
                        + ctx.sample(
                                "capital_question",
                                samplingParams("What is the capital of France?", 100))
                            .path("content")
                            .path("text")
                            .asText())),
        tool(
            "test_input_required_result_list_roots",
            "MRTR: returns InputRequiredResult with roots/list request",
            null,
            false,
            (call, ctx) ->
                ToolResult.text("Roots: " + ctx.listRoots("client_roots").path("roots"))),
        tool(
            "test_input_required_result_request_state",
            "MRTR: returns InputRequiredResult with requestState",
            null,
            false,
            (call, ctx) -> {
              confirm(ctx);
              return ToolResult.text(
                  "state-ok: the confirmation arrived with a valid requestState");
            }),
        tool(
            "test_input_required_result_multiple_inputs",
            "MRTR: returns InputRequiredResult with multiple input requests",
            null,
            false,
            (call, ctx) -> {
              Map<String, JsonNode> answers =
                  ctx.ask(
                      List.of(
                          InputRequest.elicit(
                              "user_name", "What is your name?", nameSchema("name")),
                          InputRequest.sample(
                              "greeting", samplingParams("Generate a greeting", 50)),
                          InputRequest.roots("client_roots")));
              return ToolResult.text("Got " + answers.keySet());
            }),
        tool(
            "test_input_required_result_multi_round",
            "MRTR: multi-round InputRequiredResult workflow",
            null,
            false,
            (call, ctx) -> {
              String name =
                  answered(
                      ctx.elicit("step1", "Step 1: What is your name?", nameSchema("name")),
                      "name");
              String color =
                  answered(
                      ctx.elicit(
                          "step2", "Step 2: What is your favorite color?", nameSchema("color")),
                      "color");
              return ToolResult.text(name + " likes " + color);
            }),
        tool(
            "test_input_required_result_tampered_state",
            "MRTR: HMAC-signed requestState integrity test",
            null,
            false,
            (call, ctx) -> {
              confirm(ctx);
              return ToolResult.text("Confirmed");
            }),
        tool(
            "test_input_required_result_capabilities",
            "MRTR: respects client capabilities in inputRequests",
            null,
            false,
            (call, ctx) -> {
              List<InputRequest> wanted = new ArrayList<>();
              for (InputRequest request :
                  List.of(
                      InputRequest.elicit("user_name", "What is your name?", nameSchema("name")),
                      InputRequest.sample("greeting", samplingParams("Generate a greeting", 50)))) {
                try {
                  ctx.ask(List.of(request));
                } catch (CallContext.MissingClientCapabilityException e) {
                  continue;
                } catch (CallContext.InputRequiredSignal pending) {
                  // asked: keep collecting the others this client can answer
                }
                wanted.add(request);
              }
              ctx.ask(wanted);
              return ToolResult.text("Asked only what the client can answer");
            }),
        tool(
            "test_streaming_elicitation",
            "Diagnostic tool validating response progress streams",
            null,
            false,
            (call, ctx) -> {
              ctx.progress(50, 100.0, "halfway");
              ctx.elicit("confirm", "Continue?", nameSchema("answer"));
              return ToolResult.text("Streaming complete");
            }));
  }

  private static void confirm(CallContext ctx) throws Exception {
    ctx.elicit(
        "confirm",
        "Please confirm",
        json("{'type':'object','properties':{'ok':{'type':'boolean'}},'required':['ok']}"));
  }

  private static ToolResult elicited(CallContext ctx, String message, String schema)
      throws Exception {
    JsonNode reply = ctx.elicit("form", message, json(schema));
    return ToolResult.text(
        "Elicitation completed: action="
            + reply.path("action").asText()
            + ", content="
            + reply.path("content"));
  }
}
