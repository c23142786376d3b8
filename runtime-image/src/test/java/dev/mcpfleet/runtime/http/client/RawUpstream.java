package dev.mcpfleet.runtime.http.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An upstream on a plain socket that keeps the exact bytes of the request head it receives (no HTTP
 * library in between to decode them), answers {@code 200 ok} and closes.
 */
public final class RawUpstream implements AutoCloseable {

  private final ServerSocket socket;
  private final CompletableFuture<byte[]> head = new CompletableFuture<>();

  public RawUpstream() throws IOException {
    socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::serveOne);
  }

  public String url(String path) {
    return "http://127.0.0.1:" + socket.getLocalPort() + path;
  }

  /** The request head as received, up to and without the blank line. */
  public byte[] head() throws Exception {
    return head.get(5, TimeUnit.SECONDS);
  }

  /** The bytes of the value of header {@code name} as received. */
  public byte[] headerBytes(String name) throws Exception {
    byte[] bytes = head();
    // One char per byte, so that indexes match; names are case-insensitive.
    String latin = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    String prefix = "\r\n" + name.toLowerCase(Locale.ROOT) + ": ";
    int at = latin.indexOf(prefix);
    if (at < 0) {
      throw new AssertionError("no header " + name + " in " + latin);
    }
    int start = at + prefix.length();
    int end = latin.indexOf("\r\n", start);
    return Arrays.copyOfRange(bytes, start, end < 0 ? bytes.length : end);
  }

  private void serveOne() {
    try (Socket connection = socket.accept()) {
      InputStream in = connection.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      int lastFour = 0;
      int b;
      while ((b = in.read()) >= 0) {
        received.write(b);
        lastFour = (lastFour << 8) | b;
        if (lastFour == 0x0d0a0d0a) { // CR LF CR LF: the end of the head
          byte[] all = received.toByteArray();
          head.complete(Arrays.copyOf(all, all.length - 4));
          break;
        }
      }
      connection
          .getOutputStream()
          .write(
              "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                  .getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      head.completeExceptionally(e);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
