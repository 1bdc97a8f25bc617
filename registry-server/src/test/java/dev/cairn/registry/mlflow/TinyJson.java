package dev.cairn.registry.mlflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON reader of the JDK alone, for {@link MlflowArtifactsCli}: it runs as a separate process
 * with only the test classes on its class path, as the Python it stands in for has only its own
 * modules. Objects are maps, arrays lists, numbers doubles.
 */
final class TinyJson {

  private final String text;
  private int at;

  TinyJson(String text) {
    this.text = text;
  }

  Object value() {
    skip();
    char c = text.charAt(at);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        at += 4;
        return Boolean.TRUE;
      case 'f':
        at += 5;
        return Boolean.FALSE;
      case 'n':
        at += 4;
        return null;
      default:
        int start = at;
        while (at < text.length() && "+-.eE0123456789".indexOf(text.charAt(at)) >= 0) {
          at++;
        }
        return Double.parseDouble(text.substring(start, at));
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    at++;
    skip();
    if (text.charAt(at) == '}') {
      at++;
      return map;
    }
    while (true) {
      skip();
      String key = string();
      skip();
      at++; // ':'
      map.put(key, value());
      skip();
      if (text.charAt(at++) == '}') {
        return map;
      }
    }
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    at++;
    skip();
    if (text.charAt(at) == ']') {
      at++;
      return list;
    }
    while (true) {
      list.add(value());
      skip();
      if (text.charAt(at++) == ']') {
        return list;
      }
    }
  }

  private String string() {
    StringBuilder out = new StringBuilder();
    at++;
    while (true) {
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = text.charAt(at++);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          at += 4;
        }
        default -> out.append(e);
      }
    }
  }

  private void skip() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }
}
