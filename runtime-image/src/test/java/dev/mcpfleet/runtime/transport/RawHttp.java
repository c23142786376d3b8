package dev.mcpfleet.runtime.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Raw HTTP/1.1 over a socket, for what {@link java.net.http.HttpClient} will not send (a foreign
 * Host header, a chunked body of a chosen size, several requests on one connection).
 */
public final class RawHttp implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;

  public RawHttp(int port) {
    try {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(10_000);
      in = socket.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code request} (CRLF line ends added) and reads one response. */
  public Response exchange(String request) {
    send(request);
    return read();
  }

  public void send(String request) {
    try {
      socket
          .getOutputStream()
          .write(request.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void sendBytes(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  /** Reads one response with a Content-Length body. */
  public Response read() {
    try {
      String head = readHead();
      int status = Integer.parseInt(head.substring(9, 12));
      int length = 0;
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase().startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      byte[] body = in.readNBytes(length);
      return new Response(status, head, new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads lines until one contains {@code text}; returns everything read. */
  public String readUntil(String text) {
    StringBuilder seen = new StringBuilder();
    try {
      while (seen.indexOf(text) < 0) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        seen.append((char) b);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return seen.toString();
  }

  /** Whether the server closed the connection (a read ends). */
  public boolean closedByServer() {
    try {
      return in.read() < 0;
    } catch (IOException e) {
      return true;
    }
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before a response");
      }
      head.write(b);
      matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
    }
    return head.toString(StandardCharsets.UTF_8);
  }

  public record Response(int status, String head, String body) {}

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
