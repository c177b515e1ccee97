package io.rollcall.accounts;

import io.rollcall.web.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records as RFC 4180 defines them: comma-separated, fields optionally in double quotes,
 * {@code ""} for a quote inside a quoted field, CRLF or LF line ends, line breaks allowed inside
 * quoted fields. Fields and records are length-capped so a malformed file cannot exhaust memory.
 */
final class CsvRecords {

  private static final int MAX_FIELD = 4096;
  private static final int MAX_FIELDS = 64;

  private final Reader reader;
  private int line = 1;
  private boolean ended;

  CsvRecords(Reader reader) {
    this.reader = reader;
  }

  /** The next record, or null at the end of the input. */
  List<String> next() throws IOException {
    if (ended) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    while (true) {
      int c = reader.read();
      if (c == -1) {
        ended = true;
        if (quoted) {
          throw new InvalidInputException("unterminated quoted CSV field on line " + line);
        }
        if (!any && fields.isEmpty()) {
          return null;
        }
        fields.add(field.toString());
        return fields;
      }
      any = true;
      if (quoted) {
        if (c == '"') {
          reader.mark(1);
          int following = reader.read();
          if (following == '"') {
            append(field, '"');
          } else {
            quoted = false;
            if (following != -1) {
              reader.reset();
            }
          }
        } else {
          if (c == '\n') {
            line++;
          }
          append(field, (char) c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        if (fields.size() > MAX_FIELDS) {
          throw new InvalidInputException(
              "more than " + MAX_FIELDS + " CSV fields on line " + line);
        }
      } else if (c == '\n') {
        line++;
        fields.add(stripCarriageReturn(field));
        return fields;
      } else {
        append(field, (char) c);
      }
    }
  }

  private void append(StringBuilder field, char c) {
    if (field.length() >= MAX_FIELD) {
      throw new InvalidInputException(
          "a CSV field on line " + line + " is longer than " + MAX_FIELD);
    }
    field.append(c);
  }

  private static String stripCarriageReturn(StringBuilder field) {
    int end = field.length();
    if (end > 0 && field.charAt(end - 1) == '\r') {
      end--;
    }
    return field.substring(0, end);
  }
}
