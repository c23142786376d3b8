package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Cursor pagination of every list. A cursor is opaque to clients: Base64 of the list's name and the
 * offset of the next page, so a cursor of one list is refused by another (-32602).
 */
final class Pagination {

  /** One page and the cursor of the next, or null on the last page. */
  record Page<T>(List<T> items, String nextCursor) {}

  private Pagination() {}

  static <T> Page<T> page(List<T> items, String list, JsonNode params, int pageSize) {
    int offset = offset(list, params.get("cursor"));
    if (offset > items.size()) {
      throw invalid();
    }
    int end = Math.min(items.size(), offset + pageSize);
    String next = end < items.size() ? cursor(list, end) : null;
    return new Page<>(items.subList(offset, end), next);
  }

  static String cursor(String list, int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((list + ":" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String list, JsonNode cursor) {
    if (cursor == null || cursor.isNull()) {
      return 0;
    }
    if (!cursor.isTextual()) {
      throw invalid();
    }
    try {
      String decoded =
          new String(Base64.getUrlDecoder().decode(cursor.asText()), StandardCharsets.UTF_8);
      if (!decoded.startsWith(list + ":")) {
        throw invalid();
      }
      int offset = Integer.parseInt(decoded.substring(list.length() + 1));
      if (offset < 0) {
        throw invalid();
      }
      return offset;
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static McpError invalid() {
    return McpError.invalidParams(
        "Invalid cursor: pass back a nextCursor exactly as a previous page returned it, or none for"
            + " the first page");
  }
}
