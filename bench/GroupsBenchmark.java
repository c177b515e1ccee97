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
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures /Groups with a large group against a running Rollcall, through the admin and SCIM APIs
 * only: a fresh tenant, N users, one group grown to N members by PATCH batches, then the calls an
 * identity provider repeats. Rerunnable: every run makes its own tenant.
 *
 * <pre>
 * java bench/GroupsBenchmark.java http://localhost:8283 ADMIN_PASSWORD [members] [batch]
 * </pre>
 */
public class GroupsBenchmark {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private static String base;
  private static String admin;
  private static String bearer;

  public static void main(String[] args) throws Exception {
    base = args[0].replaceAll("/+$", "");
    admin =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("admin:" + args[1]).getBytes(StandardCharsets.UTF_8));
    int members = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    int batch = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
    int k = 10;

    String tenant =
        match(ID, call("POST", "/api/admin/tenants", admin, "{\"name\":\"bench-" + UUID.randomUUID() + "\"}", 201));
    call(
        "PATCH",
        "/api/admin/tenants/" + tenant,
        admin,
        "{\"groupsEnabled\":true,\"scimRateLimit\":\"unlimited\"}",
        200);
    bearer =
        "Bearer "
            + match(TOKEN, call("POST", "/api/admin/tenants/" + tenant + "/tokens", admin, "{}", 201));

    System.out.printf("members=%d batch=%d k=%d cores=%d%n", members, batch, k,
        Runtime.getRuntime().availableProcessors());

    long start = System.nanoTime();
    List<String> users = createUsers(members + k, 8);
    System.out.printf("create %d users (8 clients): %.1f s%n", users.size(), seconds(start));

    String group =
        match(ID, scim("POST", "/Groups", "{\"displayName\":\"Everyone\",\"members\":[]}", 201));
    List<Double> batches = new ArrayList<>();
    start = System.nanoTime();
    for (int i = 0; i < members; i += batch) {
      long t = System.nanoTime();
      scim("PATCH", "/Groups/" + group, patch("add", "members", users.subList(i, Math.min(members, i + batch))), 204);
      batches.add(millis(t));
    }
    System.out.printf(
        "grow the group to %d members by PATCH add of %d: %.1f s; per PATCH median %.0f ms,"
            + " first %.0f ms, last %.0f ms, max %.0f ms%n",
        members, batch, seconds(start), median(batches), batches.get(0),
        batches.get(batches.size() - 1), Collections.max(batches));

    List<String> extra = users.subList(members, members + k);
    List<Double> adds = new ArrayList<>();
    List<Double> removes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      long t = System.nanoTime();
      scim("PATCH", "/Groups/" + group, patch("Add", "members", extra), 204);
      adds.add(millis(t));
      t = System.nanoTime();
      scim("PATCH", "/Groups/" + group, patch("Remove", "members", extra), 204);
      removes.add(millis(t));
    }
    System.out.printf("PATCH add %d members to the big group: median %.1f ms (20 runs)%n", k, median(adds));
    System.out.printf("PATCH remove %d members (Entra value array): median %.1f ms%n", k, median(removes));

    List<Double> single = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      long t = System.nanoTime();
      scim("PATCH", "/Groups/" + group,
          "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"remove\",\"path\":\"members[value eq \\\""
              + extra.get(0) + "\\\"]\"}]}", 204);
      single.add(millis(t));
    }
    System.out.printf("PATCH remove members[value eq] (Okta): median %.1f ms%n", median(single));

    System.out.printf("GET /Groups/{id}?excludedAttributes=members: median %.1f ms%n",
        timed(20, () -> scim("GET", "/Groups/" + group + "?excludedAttributes=members", null, 200)));
    System.out.printf("GET /Groups?excludedAttributes=members: median %.1f ms%n",
        timed(20, () -> scim("GET", "/Groups?excludedAttributes=members", null, 200)));
    System.out.printf("GET /Groups?filter=displayName eq \"everyone\"&excludedAttributes=members: median %.1f ms%n",
        timed(20, () -> scim("GET", "/Groups?excludedAttributes=members&filter=displayName%20eq%20%22everyone%22", null, 200)));
    System.out.printf("GET /Users/{id} (User.groups): median %.1f ms%n",
        timed(20, () -> scim("GET", "/Users/" + users.get(0), null, 200)));
    long t = System.nanoTime();
    String whole = scim("GET", "/Groups/" + group, null, 200);
    System.out.printf("GET /Groups/{id} with all %d members: %.0f ms, %.1f MB%n",
        members, millis(t), whole.length() / 1e6);
  }

  private static List<String> createUsers(int count, int clients) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String[] ids = new String[count];
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      done.add(pool.submit(() -> {
        for (int i; (i = next.getAndIncrement()) < count; ) {
          ids[i] = match(ID, scim("POST", "/Users",
              "{\"userName\":\"user" + i + "-" + run + "@example.com\",\"displayName\":\"User " + i + "\"}", 201));
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    return List.of(ids);
  }

  private static String patch(String op, String path, List<String> ids) {
    StringBuilder value = new StringBuilder();
    for (String id : ids) {
      value.append(value.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
    }
    return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"" + op + "\",\"path\":\""
        + path + "\",\"value\":[" + value + "]}]}";
  }

  private interface Call {
    void run() throws Exception;
  }

  private static double timed(int runs, Call call) throws Exception {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      call.run();
      times.add(millis(t));
    }
    return median(times);
  }

  private static String scim(String method, String path, String body, int expected) throws Exception {
    return call(method, "/scim/v2" + path, bearer, body, expected);
  }

  private static String call(String method, String path, String auth, String body, int expected)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofMinutes(5))
            .header("Authorization", auth)
            .method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", path.startsWith("/scim") ? "application/scim+json" : "application/json");
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  private static String match(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("no match in " + text);
    }
    return m.group(1);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static double millis(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
