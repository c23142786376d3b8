package dev.mcpfleet.runtime.security;

import dev.mcpfleet.runtime.observability.HealthCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API keys of a server, read from the directory where the operator mounts the Secret: one file
 * per caller, named by the caller, holding that caller's key (or several keys, one per line, so a
 * key can be rotated without downtime). Files are re-read when the mount changes (Kubernetes swaps
 * the whole directory when the Secret is updated). Keys are held only as SHA-256 digests and
 * compared in constant time.
 */
public final class ApiKeyStore implements HealthCheck, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyStore.class);

  // Every authenticated request hashes its key: a copy of one digest costs far less than a
  // provider lookup (MessageDigest.getInstance was 1.6 % of a layered server's CPU).
  private static final MessageDigest SHA_256 = sha256Instance();

  private static final int RECHECK_SECONDS = 30;

  /** One accepted key: its caller and the digest of the key. */
  private record Entry(String caller, byte[] digest) {}

  /** Everything read from the directory at one time. */
  private record Snapshot(List<Entry> entries, Set<String> callers, Set<String> values) {}

  private final Path dir;
  private volatile Snapshot snapshot = new Snapshot(List.of(), Set.of(), Set.of());
  private volatile WatchService watcher;

  private ApiKeyStore(Path dir) {
    this.dir = dir;
  }

  /**
   * Reads the keys in {@code dir} and watches it for changes.
   *
   * @throws IllegalStateException when the directory does not exist, with what to do
   */
  public static ApiKeyStore open(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "security.auth.mode is apiKey but no API keys are mounted at "
              + dir
              + "; mount the Secret named in security.auth.apiKey.secretRef there (one file per"
              + " caller), or set MCP_API_KEYS_DIR to a directory of key files");
    }
    ApiKeyStore store = new ApiKeyStore(dir);
    store.reload();
    store.watch();
    return store;
  }

  /**
   * A key that verified: its caller, and the keys it was checked against ({@link #isCurrent} says
   * whether they still are the store's keys).
   */
  public record Verification(String caller, Object keys) {}

  /** The caller whose key this is, comparing against every key in constant time. */
  public Optional<String> callerFor(String presentedKey) {
    return verify(presentedKey).map(Verification::caller);
  }

  /**
   * Checks a key against every key in constant time; the verification names the keys it was checked
   * against, so a caller may remember it until they change.
   */
  public Optional<Verification> verify(String presentedKey) {
    Snapshot keys = snapshot;
    byte[] digest = sha256(presentedKey);
    String match = null;
    for (Entry entry : keys.entries()) {
      // No early exit: the time taken does not depend on which key matched.
      if (MessageDigest.isEqual(digest, entry.digest()) && match == null) {
        match = entry.caller();
      }
    }
    return match == null ? Optional.empty() : Optional.of(new Verification(match, keys));
  }

  /**
   * Whether the keys a verification was made against are still this store's keys: false once a key
   * was added, removed or rotated (re-reading unchanged files keeps them current).
   */
  public boolean isCurrent(Verification verification) {
    return verification.keys() == snapshot;
  }

  /** The key values themselves, so the output sanitizer can redact them. */
  public Set<String> keyValues() {
    return snapshot.values();
  }

  /** The caller names with at least one key. */
  public Set<String> callers() {
    return snapshot.callers();
  }

  /** Reads the directory again; a file that cannot be read keeps nobody out but its caller. */
  public void reload() {
    List<Entry> entries = new ArrayList<>();
    Set<String> callers = new TreeSet<>();
    Set<String> values = new java.util.HashSet<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String caller = file.getFileName().toString();
        // Kubernetes keeps its bookkeeping (..data, ..2024_...) in hidden entries.
        if (caller.startsWith(".") || !Files.isRegularFile(file)) {
          continue;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String key = line.strip();
          if (!key.isEmpty()) {
            entries.add(new Entry(caller, sha256(key)));
            values.add(key);
            callers.add(caller);
          }
        }
      }
    } catch (IOException e) {
      LOG.warn(
          "cannot read the API keys in {}: {}; keeping the keys read before", dir, e.toString());
      return;
    }
    Snapshot previous = snapshot;
    if (sameKeys(previous.entries(), entries)) {
      // The periodic re-read found nothing new: keep the snapshot, so that verifications
      // remembered by connections (and the redactor's set of values) stay valid.
      return;
    }
    snapshot = new Snapshot(List.copyOf(entries), Set.copyOf(callers), Set.copyOf(values));
    if (!previous.callers().equals(callers) || previous.entries().size() != entries.size()) {
      LOG.info("API keys loaded from {}: {} keys for callers {}", dir, entries.size(), callers);
    }
  }

  private static boolean sameKeys(List<Entry> before, List<Entry> now) {
    if (before.size() != now.size()) {
      return false;
    }
    for (int i = 0; i < now.size(); i++) {
      Entry a = before.get(i);
      Entry b = now.get(i);
      if (!a.caller().equals(b.caller()) || !MessageDigest.isEqual(a.digest(), b.digest())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String name() {
    return "apiKeys";
  }

  @Override
  public Result check() {
    Snapshot now = snapshot;
    return now.entries().isEmpty()
        ? Result.degraded("no API keys in " + dir + "; every call is refused")
        : Result.healthy(now.entries().size() + " keys for " + now.callers().size() + " callers");
  }

  private void watch() {
    try {
      watcher = dir.getFileSystem().newWatchService();
      dir.register(
          watcher,
          StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
    } catch (IOException e) {
      LOG.warn("cannot watch {} ({}); API keys are re-read every {} s", dir, e, RECHECK_SECONDS);
    }
    Thread.ofPlatform().daemon().name("api-key-watch").start(this::watchLoop);
  }

  private void watchLoop() {
    while (true) {
      try {
        WatchService w = watcher;
        if (w == null) {
          Thread.sleep(TimeUnit.SECONDS.toMillis(RECHECK_SECONDS));
        } else {
          var key = w.poll(RECHECK_SECONDS, TimeUnit.SECONDS);
          if (key != null) {
            key.pollEvents();
            key.reset();
            // Let the writer finish (Kubernetes writes a new directory, then swaps a symlink).
            Thread.sleep(50);
          }
        }
        reload();
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    try {
      WatchService w = watcher;
      if (w != null) {
        w.close();
      }
    } catch (IOException e) {
      LOG.debug("closing the API key watcher: {}", e.toString());
    }
  }

  private static byte[] sha256(String value) {
    return newDigest().digest(value.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest newDigest() {
    try {
      return (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      return sha256Instance();
    }
  }

  private static MessageDigest sha256Instance() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
