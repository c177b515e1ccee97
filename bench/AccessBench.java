import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rerunnable benchmark of access-only provisioning against a running Rollcall: loads an account
 * directory of N rows (CSV, one request), provisions M of them through SCIM, then times access
 * checks, reporting Rollcall's own time (the Server-Timing header) and the client's round trip.
 *
 * <pre>
 * java bench/AccessBench.java [baseUrl] [adminPassword] [accounts] [scimUsers] [lookups]
 * </pre>
 */
public class AccessBench {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
  private static final Pattern SECRET = Pattern.compile("\"(?:token|key)\":\"([^\"]+)\"");
  private static final Pattern DUR = Pattern.compile("dur=([0-9.]+)");

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://localhost:8080";
    String password = args.length > 1 ? args[1] : System.getenv("ROLLCALL_ADMIN_PASSWORD");
    int accounts = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    int scimUsers = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
    int lookups = args.length > 4 ? Integer.parseInt(args[4]) : 2_000;
    String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));

    String tenant = match(ID, send(base + "/api/admin/tenants", "POST", admin, "application/json", "{\"name\":\"access-bench-" + System.nanoTime() + "\"}", 201).body());
    send(base + "/api/admin/tenants/" + tenant, "PATCH", admin, "application/json", "{\"provisioningMode\":\"access-only\",\"scimRateLimit\":\"unlimited\"}", 200);
    String scim = "Bearer " + match(SECRET, send(base + "/api/admin/tenants/" + tenant + "/tokens", "POST", admin, "application/json", "{}", 201).body());
    String app = "Bearer " + match(SECRET, send(base + "/api/admin/app-keys", "POST", admin, "application/json", "{\"tenantId\":\"" + tenant + "\"}", 201).body());

    StringBuilder csv = new StringBuilder("email,displayName,title,department,managerEmail,employeeNumber\n");
    for (int i = 0; i < accounts; i++) {
      csv.append("person").append(i).append("@acme.com,Person ").append(i).append(",Analyst,Dept").append(i % 40)
          .append(",manager").append(i % 1000).append("@acme.com,E").append(i).append('\n');
    }
    Runtime.getRuntime().gc();
    long start = System.nanoTime();
    HttpResponse<String> loaded = send(base + "/api/admin/tenants/" + tenant + "/accounts", "PUT", admin, "text/csv", csv.toString(), 200);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "Loaded %d accounts (%.1f MB of CSV) in %.1f s (%.0f rows/s): %s%n", accounts, csv.length() / 1e6, seconds, accounts / seconds,
        loaded.body().replaceAll(",\"errors\":\\[\\]", ""));
    start = System.nanoTime();
    HttpResponse<String> again = send(base + "/api/admin/tenants/" + tenant + "/accounts", "PUT", admin, "text/csv", csv.toString(), 200);
    System.out.printf(Locale.ROOT, "Loaded the same file again (idempotent) in %.1f s: %s%n", (System.nanoTime() - start) / 1e9, again.body().replaceAll(",\"errors\":\\[\\]", ""));

    for (int i = 0; i < scimUsers; i++) {
      send(base + "/scim/v2/Users", "POST", scim, "application/scim+json",
          "{\"userName\":\"person" + i + "@acme.com\",\"active\":true}", 201);
    }

    List<Double> server = new ArrayList<>();
    List<Double> client = new ArrayList<>();
    for (int i = 0; i < lookups; i++) {
      int who = (i * 7919) % (scimUsers * 2);
      long t = System.nanoTime();
      HttpResponse<String> r = send(base + "/api/app/v1/tenants/" + tenant + "/access?email=person" + who + "%40acme.com", "GET", app, null, null, 200);
      double ms = (System.nanoTime() - t) / 1e6;
      Matcher m = DUR.matcher(r.headers().firstValue("Server-Timing").orElse(""));
      if (i >= lookups / 2 && m.find()) { // the second half hits a warm cache
        server.add(Double.parseDouble(m.group(1)));
        client.add(ms);
      }
    }
    Collections.sort(server);
    Collections.sort(client);
    System.out.printf(Locale.ROOT, "%nAccess checks (%d, warm cache, half of them for people with access):%n", server.size());
    System.out.printf(Locale.ROOT, "  server time (Server-Timing): p50 %.3f ms, p95 %.3f ms, p99 %.3f ms%n", p(server, 50), p(server, 95), p(server, 99));
    System.out.printf(Locale.ROOT, "  client round trip:           p50 %.3f ms, p95 %.3f ms, p99 %.3f ms%n", p(client, 50), p(client, 95), p(client, 99));
  }

  private static double p(List<Double> sorted, int pct) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(pct / 100.0 * sorted.size()) - 1));
  }

  private static String match(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException(text);
    }
    return m.group(1);
  }

  private static HttpResponse<String> send(String url, String method, String auth, String type, String body, int expected) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).header("Authorization", auth)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      b.header("Content-Type", type);
    }
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != expected) {
        throw new IllegalStateException(method + " " + url + " -> " + r.statusCode() + " " + r.body());
      }
      return r;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
