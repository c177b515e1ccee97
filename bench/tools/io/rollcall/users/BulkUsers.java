package io.rollcall.users;

import io.rollcall.json.ScimJson;
import io.rollcall.protocol.resource.ResourceNormalizer;
import io.rollcall.protocol.schema.CaseFolding;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.SchemaRegistry;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * Loads users straight into a tenant's tables, for benchmarks at sizes that HTTP would take hours
 * to fill (a million users). Each user goes through the real code a SCIM create uses for its rows —
 * {@link ResourceNormalizer}, {@link UserDocuments} and {@link AttributeIndex} — and only the
 * writing differs: PostgreSQL's {@code COPY}, or JDBC batches on H2. No provisioning events are
 * written for loaded users. Users are named like {@code LoadBench}'s: {@code <prefix><i>@bench.example}
 * with {@code externalId} {@code ext-<prefix><i>}.
 *
 * <pre>
 * java -cp target/bench-tools:target/classes:$(cat target/bench.classpath) io.rollcall.users.BulkUsers \
 *   --jdbc jdbc:postgresql://localhost/rollcall --user rollcall --password … \
 *   --tenant TENANT_ID --prefix u1000000- --count 1000000
 * </pre>
 */
public final class BulkUsers {

  private static final int CHUNK = 5_000;

  private BulkUsers() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String tenant = options.get("tenant");
    String prefix = options.get("prefix");
    int count = Integer.parseInt(options.get("count"));
    int from = Integer.parseInt(options.getOrDefault("from", "0"));
    ResourceTypeDefinition type = SchemaRegistry.standard().user();
    ResourceNormalizer normalizer = new ResourceNormalizer(type);
    long start = System.nanoTime();
    try (Connection db =
        DriverManager.getConnection(
            options.get("jdbc"), options.get("user"), options.getOrDefault("password", ""))) {
      db.setAutoCommit(false);
      boolean postgres = db.getMetaData().getDatabaseProductName().equals("PostgreSQL");
      for (int chunk = from; chunk < from + count; chunk += CHUNK) {
        List<Row> rows = new ArrayList<>(CHUNK);
        for (int i = chunk; i < Math.min(from + count, chunk + CHUNK); i++) {
          rows.add(row(type, normalizer, tenant, prefix, i));
        }
        if (postgres) {
          copy(db, rows);
        } else {
          batch(db, rows);
        }
        db.commit();
        System.err.printf(
            Locale.ROOT,
            "%d users in %.0f s%n",
            chunk - from + rows.size(),
            (System.nanoTime() - start) / 1e9);
      }
    }
  }

  private record Row(UserRow user, String externalId, List<IndexedValue> values, Instant now) {}

  private static Row row(
      ResourceTypeDefinition type,
      ResourceNormalizer normalizer,
      String tenant,
      String prefix,
      int i) {
    String name = prefix + i + "@bench.example";
    Map<String, Object> canonical =
        normalizer.normalize(
            ScimJson.parseStored(
                """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName":"%1$s","externalId":"ext-%2$s%3$d",
                 "name":{"givenName":"Given%3$d","familyName":"Family"},
                 "emails":[{"type":"work","primary":true,"value":"%1$s"}],
                 "title":"Engineer","active":true,
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                   {"employeeNumber":"%3$d","department":"Dept %4$d"}}
                """
                    .formatted(name, prefix, i, i % 50)));
    Instant now = Instant.now();
    UserRow user = new UserRow(tenant, now);
    String externalId = (String) canonical.get("externalId");
    user.store(name, externalId, true, UserDocuments.toStored(type, canonical), now);
    return new Row(user, externalId, AttributeIndex.values(type, canonical), now);
  }

  private static final String USER_COLUMNS =
      "id, tenant_id, user_name, user_name_key, external_id, active, document, created_at,"
          + " last_modified, version, access_since";

  private static final String VALUE_COLUMNS =
      "user_id, tenant_id, attr, element, sort_key, text_value, folded_value, text_prefix,"
          + " folded_prefix, time_value, bool_value, number_value";

  private static void copy(Connection db, List<Row> rows) throws Exception {
    StringBuilder users = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (Row row : rows) {
      UserRow u = row.user();
      line(
          users,
          u.id(),
          u.tenantId(),
          u.userName(),
          CaseFolding.fold(u.userName()),
          row.externalId(),
          "1",
          u.document(),
          row.now().toString(),
          row.now().toString(),
          "1",
          row.now().toString());
      for (IndexedValue v : row.values()) {
        line(values, valueFields(u, v));
      }
    }
    var copier = db.unwrap(PGConnection.class).getCopyAPI();
    copier.copyIn(
        "COPY scim_user (" + USER_COLUMNS + ") FROM STDIN", new StringReader(users.toString()));
    copier.copyIn(
        "COPY scim_user_value (" + VALUE_COLUMNS + ") FROM STDIN",
        new StringReader(values.toString()));
  }

  private static String[] valueFields(UserRow u, IndexedValue v) {
    return new String[] {
      u.id(),
      u.tenantId(),
      v.attr(),
      Integer.toString(v.element()),
      v.sortKey() ? "1" : "0",
      v.text(),
      v.folded(),
      AttributeIndex.prefix(v.text()),
      AttributeIndex.prefix(v.folded()),
      v.time() == null ? null : v.time().toString(),
      v.bool() == null ? null : (v.bool() ? "1" : "0"),
      v.number() == null ? null : v.number().toPlainString()
    };
  }

  /** One row of COPY's text format: tab-separated, \N for null, backslash escapes. */
  private static void line(StringBuilder out, String... fields) {
    for (int f = 0; f < fields.length; f++) {
      if (f > 0) {
        out.append('\t');
      }
      String field = fields[f];
      if (field == null) {
        out.append("\\N");
        continue;
      }
      for (int c = 0; c < field.length(); c++) {
        char ch = field.charAt(c);
        switch (ch) {
          case '\\' -> out.append("\\\\");
          case '\t' -> out.append("\\t");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          default -> out.append(ch);
        }
      }
    }
    out.append('\n');
  }

  private static void batch(Connection db, List<Row> rows) throws Exception {
    try (PreparedStatement users =
            db.prepareStatement(
                "INSERT INTO scim_user (" + USER_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        PreparedStatement values =
            db.prepareStatement(
                "INSERT INTO scim_user_value ("
                    + VALUE_COLUMNS
                    + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
      for (Row row : rows) {
        UserRow u = row.user();
        Timestamp now = Timestamp.from(row.now());
        users.setString(1, u.id());
        users.setString(2, u.tenantId());
        users.setString(3, u.userName());
        users.setString(4, CaseFolding.fold(u.userName()));
        users.setString(5, row.externalId());
        users.setShort(6, (short) 1);
        users.setString(7, u.document());
        users.setTimestamp(8, now);
        users.setTimestamp(9, now);
        users.setLong(10, 1);
        users.setTimestamp(11, now);
        users.addBatch();
        for (IndexedValue v : row.values()) {
          String[] fields = valueFields(u, v);
          for (int f = 0; f < 9; f++) {
            values.setObject(f + 1, f == 3 ? Integer.valueOf(fields[f]) : fields[f]);
          }
          values.setTimestamp(10, v.time() == null ? null : Timestamp.from(v.time()));
          values.setObject(11, v.bool() == null ? null : (short) (v.bool() ? 1 : 0));
          values.setBigDecimal(12, v.number());
          values.addBatch();
        }
      }
      users.executeBatch();
      values.executeBatch();
    }
  }
}
