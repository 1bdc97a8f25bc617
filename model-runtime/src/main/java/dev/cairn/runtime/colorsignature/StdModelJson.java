package dev.cairn.runtime.colorsignature;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Writes and reads {@code signature.json}: snake_case, fixed field order, compact, UTF-8. */
public final class StdModelJson {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(SerializationFeature.INDENT_OUTPUT)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private StdModelJson() {}

  public static byte[] write(StdModel model) {
    try {
      return JSON.writeValueAsBytes(model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static StdModel read(InputStream in) throws IOException {
    return JSON.readValue(in, StdModel.class);
  }
}
