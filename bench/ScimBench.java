import java.net.URI;
import java.net.URLEncoder;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rerunnable load benchmark of the /Users API against a running Rollcall.
 *
 * <pre>
 * java bench/ScimBench.java [baseUrl] [adminPassword] [users] [samples]
 * </pre>
 *
 * It creates a fresh tenant and token through the admin API, provisions {@code users} users (four
 * clients in parallel), then times {@code samples} sequential requests of each kind and prints a
 * Markdown table of latency percentiles. Only loopback targets are intended.
 */
public class ScimBench {

  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
  private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static String base;
  private static String bearer;

  public static void main(String[] args) throws Exception {
    base = args.length > 0 ? args[0] : "http://localhost:8080";
    String adminPassword = args.length > 1 ? args[1] : System.getenv("ROLLCALL_ADMIN_PASSWORD");
    int users = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    int samples = args.length > 3 ? Integer.parseInt(args[3]) : 300;
    String admin =
        "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));

    String tenant = field(ID, send("POST", "/api/admin/tenants", admin, "{\"name\":\"bench-" + System.nanoTime() + "\"}", 201));
    bearer = "Bearer " + field(TOKEN, send("POST", "/api/admin/tenants/" + tenant + "/tokens", admin, "{\"description\":\"bench\"}", 201));
    // Measure the server, not its rate limit (start it with the global limit off as well).
    send("PATCH", "/api/admin/tenants/" + tenant, admin, "{\"scimRateLimit\":\"unlimited\"}", 200);

    long start = System.nanoTime();
    List<String> ids = provision(users);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "Provisioned %d users in %.1f s (%.0f creates/s, 4 clients)%n%n", users, seconds, users / seconds);

    System.out.println("| request | p50 ms | p95 ms | p99 ms | requests/s (1 client) |");
    System.out.println("|---|---|---|---|---|");
    AtomicInteger pick = new AtomicInteger();
    int n = users;
    time("GET /Users?filter=userName eq (Okta lookup)", samples, i -> get("/Users?filter=" + q("userName eq \"user" + (i * 7919 % n) + "@example.com\"") + "&startIndex=1&count=100"));
    time("GET /Users?filter=externalId eq (Entra lookup)", samples, i -> get("/Users?filter=" + q("externalId eq \"ext-" + (i * 7919 % n) + "\"")));
    time("GET /Users?filter=emails[type eq work and value eq]", samples, i -> get("/Users?filter=" + q("emails[type eq \"work\" and value eq \"user" + (i * 7919 % n) + "@example.com\"]")));
    time("GET /Users?filter=name.familyName sw (page of 100 of ~1,100 matches)", samples, i -> get("/Users?filter=" + q("name.familyName sw \"Family" + (i % 100) + "\"") + "&count=100"));
    time("GET /Users?count=100 (page of 100)", samples, i -> get("/Users?count=100&startIndex=" + (1 + (i * 100) % Math.max(1, n - 100))));
    time("GET /Users/{id}", samples, i -> get("/Users/" + ids.get(i * 7919 % n)));
    time("PATCH replace active (Okta deactivate)", samples, i -> send("PATCH", "/scim/v2/Users/" + ids.get(pick.getAndIncrement() % n), bearer,
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":" + (i % 2 == 0) + "}}]}", 200));
    time("PUT /Users/{id}", samples, i -> {
      int k = pick.getAndIncrement() % n;
      return send("PUT", "/scim/v2/Users/" + ids.get(k), bearer, user(k, "Title " + i), 200);
    });

    long walkStart = System.nanoTime();
    String cursor = "";
    int pages = 0;
    while (cursor != null) {
      String page = get("/Users?count=1000&cursor=" + q(cursor));
      Matcher m = Pattern.compile("\"nextCursor\":\"([^\"]+)\"").matcher(page);
      cursor = m.find() ? m.group(1) : null;
      pages++;
    }
    System.out.printf(Locale.ROOT, "%nCursor walk over all %d users: %d pages of 1000 in %.2f s%n", n, pages, (System.nanoTime() - walkStart) / 1e9);
  }

  private static List<String> provision(int users) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<String>> futures = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      int k = i;
      futures.add(pool.submit(() -> field(ID, send("POST", "/scim/v2/Users", bearer, user(k, "Engineer"), 201))));
    }
    List<String> ids = new ArrayList<>();
    for (Future<String> f : futures) {
      ids.add(f.get());
    }
    pool.shutdown();
    return ids;
  }

  private static String user(int k, String title) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "userName":"user%d@example.com","externalId":"ext-%d","active":true,"title":"%s",
         "name":{"givenName":"Given%d","familyName":"Family%d"},
         "emails":[{"value":"user%d@example.com","type":"work","primary":true}],
         "phoneNumbers":[{"value":"+1 555 %04d","type":"work"}],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Dept%d"}}
        """.formatted(k, k, title, k, k, k, k % 10000, k % 50);
  }

  private static void time(String name, int samples, IntFunction<String> request) {
    for (int i = 0; i < Math.min(30, samples); i++) {
      request.apply(i); // warm-up
    }
    List<Double> millis = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < samples; i++) {
      long t = System.nanoTime();
      request.apply(i + 1000);
      millis.add((System.nanoTime() - t) / 1e6);
    }
    double total = (System.nanoTime() - start) / 1e9;
    Collections.sort(millis);
    System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.0f |%n", name,
        pct(millis, 50), pct(millis, 95), pct(millis, 99), samples / total);
  }

  private static double pct(List<Double> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String get(String scimPath) {
    return send("GET", "/scim/v2" + scimPath, bearer, null, 200);
  }

  private static String send(String method, String path, String authorization, String body, int expected) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", authorization)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", path.startsWith("/api") ? "application/json" : "application/scim+json");
    }
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String field(Pattern pattern, String json) {
    Matcher m = pattern.matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("not found in " + json);
    }
    return m.group(1);
  }
}
