package io.rollcall.accounts;

import io.rollcall.web.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams an account upload — a JSON array of objects or a CSV file with a header row — and hands
 * it on in batches, so that memory stays bounded whatever the upload's size.
 *
 * <p>Fields: {@code email} (required), {@code displayName}, {@code title}, {@code department},
 * {@code managerEmail}, {@code employeeNumber}. A row with a wrong field is reported by the
 * directory; a file that cannot be read at all fails the upload with the position of the problem.
 */
public final class AccountUploadReader {

  static final List<String> FIELDS =
      List.of("email", "displayName", "title", "department", "managerEmail", "employeeNumber");

  private final int batchSize;
  private final Consumer<List<AccountDirectory.NumberedRow>> sink;
  private final List<AccountDirectory.NumberedRow> batch = new ArrayList<>();
  private long rows;

  public AccountUploadReader(int batchSize, Consumer<List<AccountDirectory.NumberedRow>> sink) {
    this.batchSize = batchSize;
    this.sink = sink;
  }

  /** Reads a JSON array of account objects. */
  public long readJson(InputStream in) {
    try (JsonParser parser = Json.createParser(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_ARRAY) {
        throw new InvalidInputException("the body must be a JSON array of account objects");
      }
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        if (event == JsonParser.Event.END_ARRAY) {
          break;
        }
        if (event != JsonParser.Event.START_OBJECT) {
          add(null, "each element must be a JSON object");
          parser.skipArray();
          continue;
        }
        fromJson(parser.getObject());
      }
    } catch (JsonParsingException e) {
      throw new InvalidInputException(
          "invalid JSON at line "
              + e.getLocation().getLineNumber()
              + ", column "
              + e.getLocation().getColumnNumber()
              + " (the rows before it were loaded: "
              + rows
              + ")");
    }
    flush();
    return rows;
  }

  /** Reads CSV (RFC 4180) whose first line names the columns. */
  public long readCsv(InputStream in) {
    try (Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      CsvRecords records = new CsvRecords(reader);
      List<String> header = records.next();
      if (header == null) {
        throw new InvalidInputException("the CSV file is empty");
      }
      int[] columns = columns(header);
      for (List<String> record = records.next(); record != null; record = records.next()) {
        if (record.size() == 1 && record.get(0).isBlank()) {
          continue;
        }
        String[] values = new String[FIELDS.size()];
        for (int i = 0; i < columns.length; i++) {
          if (columns[i] >= 0 && i < record.size()) {
            values[columns[i]] = record.get(i);
          }
        }
        add(new AccountRow(values[0], values[1], values[2], values[3], values[4], values[5]), null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    flush();
    return rows;
  }

  /** Maps each CSV column to a field index (-1 for none); unknown headers fail the upload. */
  private static int[] columns(List<String> header) {
    int[] columns = new int[header.size()];
    boolean hasEmail = false;
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip().replace("\uFEFF", "");
      columns[i] = -1;
      for (int f = 0; f < FIELDS.size(); f++) {
        // "managerEmail", "ManagerEmail", "manager_email" and "Manager Email" all name one field.
        String folded = name.toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
        if (FIELDS.get(f).toLowerCase(Locale.ROOT).equals(folded)) {
          columns[i] = f;
        }
      }
      if (columns[i] < 0) {
        throw new InvalidInputException("unknown CSV column \"" + name + "\"; known: " + FIELDS);
      }
      hasEmail |= columns[i] == 0;
    }
    if (!hasEmail) {
      throw new InvalidInputException("the CSV header must have an \"email\" column");
    }
    return columns;
  }

  private void fromJson(JsonObject object) {
    String[] values = new String[FIELDS.size()];
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      int field = FIELDS.indexOf(entry.getKey());
      if (field < 0) {
        add(null, "unknown field \"" + clip(entry.getKey()) + "\"; known: " + FIELDS);
        return;
      }
      JsonValue value = entry.getValue();
      if (value.getValueType() == JsonValue.ValueType.NULL) {
        continue;
      }
      if (!(value instanceof JsonString text)) {
        add(null, entry.getKey() + " must be a string");
        return;
      }
      values[field] = text.getString();
    }
    add(new AccountRow(values[0], values[1], values[2], values[3], values[4], values[5]), null);
  }

  private static String clip(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  /** Queues a row, or a problem found while reading it. */
  private void add(AccountRow row, String problem) {
    rows++;
    batch.add(new AccountDirectory.NumberedRow(rows, row, problem));
    if (batch.size() >= batchSize) {
      flush();
    }
  }

  private void flush() {
    if (!batch.isEmpty()) {
      sink.accept(List.copyOf(batch));
      batch.clear();
    }
  }
}
