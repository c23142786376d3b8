package dev.mcpfleet.runtime.definition;

import dev.mcpfleet.api.ManifestException;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the definition when its file changes. It watches the file's directory, not the file,
 * because editors save by writing a new file and renaming it over the old one, and a Kubernetes
 * ConfigMap mount updates by swapping its {@code ..data} symlink; both replace the directory entry.
 * After events settle it rereads the file and, when the text differs from the last one seen, loads
 * it: a good edit is swapped in atomically ({@link Definitions#replace}, whose listeners tell
 * clients), a broken one is reported and the old definition stays.
 */
public final class DefinitionWatcher implements AutoCloseable {

  /** What a reload did: applied, or rejected with the reason. */
  public record Outcome(boolean applied, String message) {}

  private static final Logger LOG = LoggerFactory.getLogger(DefinitionWatcher.class);

  /** Logs reloads: applied at info, rejected (with what to fix) at warn. */
  public static final Consumer<Outcome> LOGGED = DefinitionWatcher::log;

  /** Quiet time after the last event before the file is reread (saves come in bursts). */
  static final long SETTLE_MILLIS = 100;

  private final Path file;
  private final DefinitionLoader loader;
  private final Definitions definitions;
  private final Consumer<Outcome> observer;
  private final WatchService watchService;
  private final Thread thread;
  private String lastText;

  private DefinitionWatcher(
      Path file,
      DefinitionLoader loader,
      Definitions definitions,
      String loadedText,
      Consumer<Outcome> observer)
      throws IOException {
    this.file = file.toAbsolutePath().normalize();
    this.loader = loader;
    this.definitions = definitions;
    this.observer = observer;
    this.lastText = loadedText;
    this.watchService = this.file.getFileSystem().newWatchService();
    register(this.file.getParent());
    Path real = this.file.toRealPath();
    if (!real.getParent().equals(this.file.getParent())) {
      register(real.getParent());
    }
    this.thread = Thread.ofPlatform().daemon().name("definition-watcher").unstarted(this::run);
  }

  /**
   * Starts watching {@code file}, whose {@code loadedText} is being served from {@code
   * definitions}; {@code observer} hears of every reload ({@link #LOGGED} logs them).
   */
  public static DefinitionWatcher start(
      Path file,
      DefinitionLoader loader,
      Definitions definitions,
      String loadedText,
      Consumer<Outcome> observer)
      throws IOException {
    DefinitionWatcher watcher =
        new DefinitionWatcher(file, loader, definitions, loadedText, observer);
    watcher.thread.start();
    return watcher;
  }

  @Override
  public void close() throws IOException {
    watchService.close();
    thread.interrupt();
  }

  private void register(Path dir) throws IOException {
    dir.register(
        watchService,
        StandardWatchEventKinds.ENTRY_CREATE,
        StandardWatchEventKinds.ENTRY_MODIFY,
        StandardWatchEventKinds.ENTRY_DELETE);
  }

  private void run() {
    try {
      reloadIfChanged(); // an edit made before the watch was registered
      while (true) {
        drain(watchService.take());
        WatchKey more;
        while ((more = watchService.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          drain(more);
        }
        reloadIfChanged();
      }
    } catch (ClosedWatchServiceException | InterruptedException e) {
      // closed: stop watching
    }
  }

  private static void drain(WatchKey key) {
    key.pollEvents();
    key.reset();
  }

  private void reloadIfChanged() throws InterruptedException {
    String text;
    try {
      text = Files.readString(file);
      if (text.isBlank()) {
        // Saving in place truncates first: give the writer a moment before calling it empty.
        Thread.sleep(SETTLE_MILLIS);
        text = Files.readString(file);
      }
    } catch (IOException e) {
      // Mid-swap the file may be briefly absent; the next event brings it back.
      if (!Files.exists(file)) {
        observer.accept(
            new Outcome(false, file + " is gone; still serving the last good definition"));
      }
      return;
    }
    if (Objects.equals(text, lastText)) {
      return;
    }
    lastText = text;
    try {
      definitions.replace(loader.load(file.toString(), text));
      observer.accept(new Outcome(true, "reloaded " + file));
    } catch (ManifestException e) {
      observer.accept(
          new Outcome(false, e.getMessage() + "\nstill serving the last good definition"));
    } catch (RuntimeException e) {
      observer.accept(
          new Outcome(
              false, file + ": cannot load (" + e + "); still serving the last good definition"));
    }
  }

  private static void log(Outcome outcome) {
    if (outcome.applied()) {
      LOG.info(outcome.message());
    } else {
      LOG.warn(outcome.message());
    }
  }
}
