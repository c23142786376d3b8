package dev.mcpfleet.e2e.tools;

import dev.mcpfleet.tools.ManifestTools;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the manifest tools' command line, in this JVM: exit code and what it printed. */
record ToolRun(int exit, String out, String err) {

  static ToolRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = ManifestTools.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new ToolRun(exit, out.toString(), err.toString());
  }
}
