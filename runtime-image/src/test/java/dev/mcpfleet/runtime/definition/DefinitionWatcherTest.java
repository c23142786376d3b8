package dev.mcpfleet.runtime.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mcpfleet.runtime.declarative.http.HttpToolSettings;
import dev.mcpfleet.runtime.definition.DefinitionWatcher.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefinitionWatcherTest {

  private static final String V1 =
      "name: hello\ntools: [{name: one, description: d, text: {content: [{type: text, text: '1'}]}}]\n";
  private static final String V2 =
      "name: hello\ntools: [{name: two, description: d, text: {content: [{type: text, text: '2'}]}}]\n";
  private static final String BROKEN = "name: hello\ntools: [{name: two, descripton: d}]\n";

  @TempDir Path dir;

  private final DefinitionLoader loader =
      new DefinitionLoader(HttpToolSettings.defaults(), List::of);
  private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
  private final List<Definitions.Change> changes = new CopyOnWriteArrayList<>();
  private Definitions definitions;
  private DefinitionWatcher watcher;

  @AfterEach
  void stop() throws Exception {
    if (watcher != null) {
      watcher.close();
    }
  }

  private void serve(Path file) throws Exception {
    String text = Files.readString(file);
    definitions = new Definitions(loader.load(file.toString(), text));
    definitions.onChange(changes::add);
    watcher = DefinitionWatcher.start(file, loader, definitions, text, outcomes::add);
  }

  private String toolName() {
    return definitions.current().tools().get(0).descriptor().name();
  }

  private static void awaitUntil(org.awaitility.core.ThrowingRunnable assertion) {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(assertion);
  }

  @Test
  void aGoodEditIsSwappedInAndListenersLearnWhatChanged() throws Exception {
    Path file = Files.writeString(dir.resolve("s.yaml"), V1);
    serve(file);

    Files.writeString(file, V2);

    awaitUntil(() -> assertThat(toolName()).isEqualTo("two"));
    assertThat(changes)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.toolsChanged()).isTrue();
              assertThat(c.promptsChanged()).isFalse();
            });
    assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.applied()).isTrue());
  }

  @Test
  void aBrokenEditKeepsTheOldDefinitionAndSaysWhy() throws Exception {
    Path file = Files.writeString(dir.resolve("s.yaml"), V1);
    serve(file);

    Files.writeString(file, BROKEN);

    awaitUntil(() -> assertThat(outcomes).isNotEmpty());
    assertThat(outcomes.get(0).applied()).isFalse();
    assertThat(outcomes.get(0).message())
        .contains(file.toAbsolutePath() + ": spec.server.tools[0].descripton: unknown field")
        .contains("still serving the last good definition");
    assertThat(toolName()).isEqualTo("one");
    assertThat(changes).isEmpty();

    Files.writeString(file, V2);
    awaitUntil(() -> assertThat(toolName()).isEqualTo("two"));
  }

  @Test
  void anEditorThatReplacesTheFileByRenameIsFollowed() throws Exception {
    Path file = Files.writeString(dir.resolve("s.yaml"), V1);
    serve(file);

    Path swap = Files.writeString(dir.resolve(".s.yaml.swp"), V2);
    Files.move(swap, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    awaitUntil(() -> assertThat(toolName()).isEqualTo("two"));
  }

  @Test
  void aConfigMapMountThatSwapsItsDataSymlinkIsFollowed() throws Exception {
    // The layout the kubelet writes: file -> ..data/file, ..data -> ..<timestamp>/
    Path first = Files.createDirectory(dir.resolve("..2026_11_26_10_00_00.1"));
    Files.writeString(first.resolve("mcpserver.yaml"), V1);
    Files.createSymbolicLink(dir.resolve("..data"), first.getFileName());
    Path file =
        Files.createSymbolicLink(dir.resolve("mcpserver.yaml"), Path.of("..data/mcpserver.yaml"));
    serve(file);

    Path second = Files.createDirectory(dir.resolve("..2026_11_26_10_05_00.2"));
    Files.writeString(second.resolve("mcpserver.yaml"), V2);
    Path tmp = Files.createSymbolicLink(dir.resolve("..data_tmp"), second.getFileName());
    Files.move(
        tmp,
        dir.resolve("..data"),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    Files.delete(first.resolve("mcpserver.yaml"));
    Files.delete(first);

    awaitUntil(() -> assertThat(toolName()).isEqualTo("two"));
  }

  @Test
  void aDeletedFileKeepsTheDefinitionUntilItComesBack() throws Exception {
    Path file = Files.writeString(dir.resolve("s.yaml"), V1);
    serve(file);

    Files.delete(file);

    awaitUntil(() -> assertThat(outcomes).isNotEmpty());
    assertThat(outcomes.get(0).message())
        .contains("is gone; still serving the last good definition");
    assertThat(toolName()).isEqualTo("one");

    Files.writeString(file, V2);
    awaitUntil(() -> assertThat(toolName()).isEqualTo("two"));
  }

  @Test
  void eventsThatLeaveTheTextUnchangedDoNotReload() throws Exception {
    Path file = Files.writeString(dir.resolve("s.yaml"), V1);
    serve(file);

    Files.writeString(dir.resolve("other.txt"), "unrelated");
    Files.writeString(file, V1);
    Files.writeString(file, V2);

    awaitUntil(() -> assertThat(toolName()).isEqualTo("two"));
    assertThat(outcomes).hasSize(1);
  }
}
