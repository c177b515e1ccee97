import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop load benchmark of a running Rollcall, shaped like Okta and Entra ID traffic.
 *
 * <pre>
 * java bench/LoadBench.java [options]
 *   --base URL          Rollcall (default http://127.0.0.1:8080); loopback only
 *   --admin PASSWORD    admin password (default $ROLLCALL_ADMIN_PASSWORD)
 *   --sizes 3000,50000  tenant sizes; each tenant is created and filled once, then reused
 *                       through --state (default target/bench-tenants.properties)
 *   --connections 16    concurrent connections per scenario
 *   --seconds 15        length of one scenario run
 *   --rounds 3          rounds; scenarios and sizes are interleaved within each round
 *   --scenarios LIST    any of noop,spc,get,lookup,page,deep,patch,create,mixed, floor (an
 *                       endpoint outside every API: no credential, tenant or audit; what
 *                       Payara, Jersey and the authentication mechanism's dispatch cost alone;
 *                       bench WAR only, like noop), external (externalId eq), email (Entra's
 *                       emails[type eq "work"].value eq), first (first page), start90
 *                       (startIndex 90 % deep), cursor1 (first cursor page), cursor90 (a cursor
 *                       90 % deep), sorted (sortBy=userName), access (the access-check API for a
 *                       random user, with an app key); default: all of them
 *   --bulk COMMAND      fill new tenants with this loader instead of HTTP (for a million users):
 *                       it gets --tenant ID --prefix P --count N appended (see BulkUsers)
 *   --sample N          user ids read per tenant for get/patch (default 20000)
 *   --pid PID           the server's process id: adds the CPU time per request of the server
 *                       and of this load generator (from /proc, so Linux only)
 *   --writers 1,2,4,8,16  instead of the scenarios: PATCH+POST on the largest tenant at each
 *                       connection count, to show whether writes of one tenant scale
 * </pre>
 *
 * Each line printed is one run: requests/s, p50 and p99 latency, and every non-2xx status with its
 * count ("io" counts requests that got no answer within 30 s or lost their connection).
 */
public class LoadBench {

  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
  private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
  private static final Pattern KEY = Pattern.compile("\"key\":\"([^\"]+)\"");
  private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");
  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  private static String base;

  /** One tenant under load: its token, size and the ids of its users. */
  record Tenant(
      String id,
      String bearer,
      int size,
      String namePrefix,
      List<String> userIds,
      String deepId,
      String cursorQuery,
      String appKey) {}

  private static String bulk;
  private static int sample;
  private static Path serverStat;

  /** One request to make. */
  record Call(String method, String path, String body, String authorization) {
    Call(String method, String path, String body) {
      this(method, path, body, null);
    }
  }

  interface Scenario {
    Call next(Tenant tenant, ThreadLocalRandom random);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    base = options.getOrDefault("base", "http://127.0.0.1:8080");
    String password = options.getOrDefault("admin", System.getenv("ROLLCALL_ADMIN_PASSWORD"));
    String admin =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    int connections = Integer.parseInt(options.getOrDefault("connections", "16"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "15"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
    Path state = Path.of(options.getOrDefault("state", "target/bench-tenants.properties"));
    bulk = options.get("bulk");
    sample = Integer.parseInt(options.getOrDefault("sample", "20000"));
    serverStat = options.containsKey("pid") ? Path.of("/proc", options.get("pid"), "stat") : null;
    List<Integer> sizes =
        Arrays.stream(options.getOrDefault("sizes", "3000,50000").split(","))
            .map(Integer::parseInt)
            .toList();

    awaitServer();
    List<Tenant> tenants = new ArrayList<>();
    for (int size : sizes) {
      tenants.add(tenant(size, admin, state));
    }
    Map<String, Scenario> scenarios = scenarios();
    System.out.printf(
        Locale.ROOT,
        "%s, %d cores, %d connections, %d s a run, %d round(s)%n%n",
        base,
        Runtime.getRuntime().availableProcessors(),
        connections,
        seconds,
        rounds);
    System.out.println(
        "| round | users | scenario | conns | req/s | p50 ms | p99 ms | non-2xx"
            + (serverStat == null ? " |" : " | server CPU ms/req | client CPU ms/req |"));
    System.out.println("|---|---|---|---|---|---|---|---|" + (serverStat == null ? "" : "---|---|"));

    if (options.containsKey("writers")) {
      Tenant largest = tenants.get(tenants.size() - 1);
      Scenario writes =
          (t, r) -> r.nextBoolean() ? scenarios.get("patch").next(t, r) : create(t);
      for (int round = 1; round <= rounds; round++) {
        for (String n : options.get("writers").split(",")) {
          run(round, largest, "writes", writes, Integer.parseInt(n), seconds);
        }
      }
      return;
    }
    List<String> names =
        List.of(options.getOrDefault("scenarios", String.join(",", scenarios.keySet())).split(","));
    for (int round = 1; round <= rounds; round++) {
      for (String name : names) {
        for (Tenant tenant : tenants) {
          run(round, tenant, name, scenarios.get(name), connections, seconds);
        }
      }
    }
  }

  private static Map<String, Scenario> scenarios() {
    Map<String, Scenario> all = new LinkedHashMap<>();
    all.put("floor", (t, r) -> new Call("GET", "/bench-floor/noop", null));
    all.put("noop", (t, r) -> new Call("GET", "/scim/bench/noop", null));
    all.put("spc", (t, r) -> new Call("GET", "/scim/v2/ServiceProviderConfig", null));
    all.put("get", (t, r) -> new Call("GET", "/scim/v2/Users/" + anyUser(t, r), null));
    all.put(
        "lookup",
        (t, r) ->
            new Call(
                "GET",
                "/scim/v2/Users?filter="
                    + encode("userName eq \"" + t.namePrefix() + r.nextInt(t.size()) + "@bench.example\""),
                null));
    all.put(
        "page",
        (t, r) ->
            new Call(
                "GET",
                "/scim/v2/Users?count=100&startIndex=" + (1 + r.nextInt(Math.max(1, t.size() - 100))),
                null));
    all.put(
        "deep",
        (t, r) ->
            new Call(
                "GET",
                "/scim/v2/Users?count=100&startIndex=" + (t.size() - 200 + r.nextInt(200)),
                null));
    all.put(
        "patch",
        (t, r) ->
            new Call(
                "PATCH",
                "/scim/v2/Users/" + anyUser(t, r),
                "{\"schemas\":[\""
                    + PATCH_OP
                    + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":"
                    + r.nextBoolean()
                    + "}]}"));
    all.put("create", (t, r) -> create(t));
    List<String> mix = List.of("get", "lookup", "page", "patch", "create");
    all.put("mixed", (t, r) -> all.get(mix.get(r.nextInt(mix.size()))).next(t, r));
    all.put(
        "external",
        (t, r) ->
            new Call(
                "GET",
                "/scim/v2/Users?filter="
                    + encode("externalId eq \"ext-" + t.namePrefix() + r.nextInt(t.size()) + "\""),
                null));
    all.put(
        "email",
        (t, r) ->
            new Call(
                "GET",
                "/scim/v2/Users?filter="
                    + encode(
                        "emails[type eq \"work\"].value eq \""
                            + t.namePrefix()
                            + r.nextInt(t.size())
                            + "@bench.example\""),
                null));
    all.put("first", (t, r) -> new Call("GET", "/scim/v2/Users?count=100", null));
    all.put(
        "start90",
        (t, r) ->
            new Call(
                "GET",
                "/scim/v2/Users?count=100&startIndex=" + (t.size() / 10 * 9 + 1 + r.nextInt(100)),
                null));
    all.put("cursor1", (t, r) -> new Call("GET", "/scim/v2/Users?count=100&cursor=", null));
    all.put(
        "cursor90",
        (t, r) ->
            new Call(
                "GET",
                "/scim/v2/Users?count=100&cursor=" + encode(deepCursor(t)),
                null));
    all.put(
        "access",
        (t, r) ->
            new Call(
                "GET",
                "/api/app/v1/tenants/"
                    + t.id()
                    + "/access?email="
                    + encode(t.namePrefix() + r.nextInt(t.size()) + "@bench.example"),
                null,
                t.appKey()));
    all.put(
        "sorted",
        (t, r) -> new Call("GET", "/scim/v2/Users?sortBy=userName&count=100", null));
    return all;
  }

  private static Call create(Tenant tenant) {
    return new Call(
        "POST",
        "/scim/v2/Users",
        "{\"schemas\":[\""
            + USER
            + "\"],\"userName\":\"new-"
            + SERIAL.incrementAndGet()
            + "@bench.example\",\"name\":{\"givenName\":\"New\",\"familyName\":\"Person\"},"
            + "\"emails\":[{\"type\":\"work\",\"primary\":true,\"value\":\"new-"
            + SERIAL.get()
            + "@bench.example\"}],\"active\":true}");
  }

  private static String anyUser(Tenant tenant, ThreadLocalRandom random) {
    return tenant.userIds().get(random.nextInt(tenant.userIds().size()));
  }

  /** Runs one scenario on one tenant and prints its line. */
  private static void run(
      int round, Tenant tenant, String name, Scenario scenario, int connections, int seconds)
      throws InterruptedException {
    List<long[]> latencies = new ArrayList<>();
    List<int[]> counts = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      latencies.add(new long[2_000_000]);
      counts.add(new int[1]);
    }
    Map<String, AtomicLong> failures = new TreeMap<>();
    List<Thread> threads = new ArrayList<>();
    // Read after the latency arrays are allocated, so the client's CPU is that of the requests.
    long serverCpuBefore = serverCpuNanos();
    long clientCpuBefore = clientCpuNanos();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    for (int c = 0; c < connections; c++) {
      long[] mine = latencies.get(c);
      int[] n = counts.get(c);
      Thread thread =
          new Thread(
              () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end && n[0] < mine.length) {
                  Call call = scenario.next(tenant, random);
                  long start = System.nanoTime();
                  String outcome = send(tenant, call);
                  mine[n[0]++] = System.nanoTime() - start;
                  if (outcome != null) {
                    synchronized (failures) {
                      failures.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
                    }
                  }
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    int total = counts.stream().mapToInt(n -> n[0]).sum();
    String cpu =
        serverStat == null
            ? ""
            : String.format(
                Locale.ROOT,
                " %.3f | %.3f |",
                (serverCpuNanos() - serverCpuBefore) / 1e6 / Math.max(1, total),
                (clientCpuNanos() - clientCpuBefore) / 1e6 / Math.max(1, total));
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < connections; c++) {
      System.arraycopy(latencies.get(c), 0, all, at, counts.get(c)[0]);
      at += counts.get(c)[0];
    }
    Arrays.sort(all);
    System.out.printf(
        Locale.ROOT,
        "| %d | %d | %s | %d | %.0f | %.1f | %.1f | %s |%s%n",
        round,
        tenant.size(),
        name,
        connections,
        total / (double) seconds,
        percentile(all, 0.50),
        percentile(all, 0.99),
        failures.isEmpty() ? "0" : failures.toString(),
        cpu);
  }

  /**
   * User plus system time of the server so far, from /proc/PID/stat (fields 14 and 15, in clock
   * ticks of 10 ms: the kernel's USER_HZ on every common Linux build).
   */
  private static long serverCpuNanos() {
    if (serverStat == null) {
      return 0;
    }
    try {
      String stat = Files.readString(serverStat);
      // The command name (field 2) may hold spaces; the fields after it start past its ')'.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + serverStat, e);
    }
  }

  private static long clientCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  /** Sends one call; answers null on 2xx, else the status (or "io"). */
  private static String send(Tenant tenant, Call call) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + call.path()))
            .timeout(Duration.ofSeconds(30))
            .header(
                "Authorization", call.authorization() == null ? tenant.bearer() : call.authorization())
            .header(
                "Accept",
                call.path().startsWith("/api/") ? "application/json" : "application/scim+json");
    if (call.body() != null) {
      request.header("Content-Type", "application/scim+json");
    }
    request.method(
        call.method(),
        call.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(call.body()));
    try {
      int status =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2 ? null : Integer.toString(status);
    } catch (IOException e) {
      return "io";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "io";
    }
  }

  // ---- setup: one tenant per size, filled over the SCIM API and remembered ----

  private static Tenant tenant(int size, String admin, Path state) throws Exception {
    Properties saved = new Properties();
    if (Files.exists(state)) {
      try (var in = Files.newInputStream(state)) {
        saved.load(in);
      }
    }
    String key = base + "|" + size;
    String prefix = "u" + size + "-";
    String id = saved.getProperty(key + ".tenant");
    String bearer = saved.getProperty(key + ".bearer");
    if (id == null
        || request("GET", "/scim/v2/ServiceProviderConfig", bearer, null).statusCode() != 200) {
      id =
          field(
              ID,
              expect(
                  request(
                      "POST",
                      "/api/admin/tenants",
                      admin,
                      "{\"name\":\"bench-" + size + "-" + System.nanoTime() + "\"}"),
                  201));
      bearer =
          "Bearer "
              + field(
                  TOKEN,
                  expect(
                      request(
                          "POST",
                          "/api/admin/tenants/" + id + "/tokens",
                          admin,
                          "{\"description\":\"bench\"}"),
                      201));
      // A benchmark measures the server, not its rate limit: start the server with
      // ROLLCALL_SCIM_GLOBAL_RATE_LIMIT_REQUESTS_PER_SECOND=0 as well.
      int limited =
          request(
                  "PATCH",
                  "/api/admin/tenants/" + id,
                  admin,
                  "{\"scimRateLimit\":\"unlimited\"}")
              .statusCode();
      if (limited == 400) {
        // A build older than the per-tenant limit refuses the unknown setting: nothing to lift.
        System.err.println("no per-tenant rate limit to lift (an older build)");
      } else if (limited != 200) {
        throw new IllegalStateException("lifting the tenant's rate limit answered " + limited);
      }
      if (bulk == null) {
        fill(bearer, prefix, size);
      } else {
        load(id, prefix, size);
      }
      saved.setProperty(key + ".tenant", id);
      saved.setProperty(key + ".bearer", bearer);
      Files.createDirectories(state.toAbsolutePath().getParent());
      try (var out = Files.newOutputStream(state)) {
        saved.store(out, "LoadBench tenants");
      }
    }
    List<String> ids = ids(bearer, Math.min(size, sample));
    System.err.printf(Locale.ROOT, "tenant of %d users ready (%d ids)%n", size, ids.size());
    String appKey =
        "Bearer "
            + field(
                KEY,
                expect(
                    request(
                        "POST",
                        "/api/admin/app-keys",
                        admin,
                        "{\"description\":\"bench\",\"tenantId\":\"" + id + "\"}"),
                    201));
    return new Tenant(
        id, bearer, size, prefix, ids, deepId(bearer, size), cursorQuery(bearer), appKey);
  }

  /** Payara answers its health checks before the WAR is deployed: wait for the admin API's 401. */
  private static void awaitServer() throws InterruptedException {
    for (int attempt = 0; attempt < 300; attempt++) {
      try {
        if (request("GET", "/api/admin/tenants", "Basic x", null).statusCode() == 401) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("Rollcall did not come up at " + base);
  }

  private static void fill(String bearer, String prefix, int size) throws InterruptedException {
    int clients = 4;
    AtomicLong next = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      Thread thread =
          new Thread(
              () -> {
                for (long i = next.getAndIncrement(); i < size; i = next.getAndIncrement()) {
                  String name = prefix + i + "@bench.example";
                  String body =
                      "{\"schemas\":[\""
                          + USER
                          + "\"],\"userName\":\""
                          + name
                          + "\",\"externalId\":\"ext-"
                          + prefix
                          + i
                          + "\",\"name\":{\"givenName\":\"Given"
                          + i
                          + "\",\"familyName\":\"Family\"},\"emails\":[{\"type\":\"work\","
                          + "\"primary\":true,\"value\":\""
                          + name
                          + "\"}],\"title\":\"Engineer\",\"active\":true}";
                  try {
                    // 409: made by an earlier, interrupted fill; anything else is retried.
                    for (int attempt = 0; attempt < 20; attempt++) {
                      int status = request("POST", "/scim/v2/Users", bearer, body).statusCode();
                      if (status == 201 || status == 409) {
                        break;
                      }
                      Thread.sleep(200);
                    }
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    System.err.printf(
        Locale.ROOT,
        "filled %d users in %.0f s%n",
        size,
        (System.nanoTime() - start) / 1e9);
  }

  /** Every user id of the tenant, through cursor pages (RFC 9865). */
  private static List<String> ids(String bearer, int size) throws Exception {
    List<String> ids = new ArrayList<>(size);
    String cursor = "";
    while (cursor != null && ids.size() < size) {
      HttpResponse<String> page =
          expect(
              request(
                  "GET",
                  "/scim/v2/Users?attributes=id&count=1000&cursor=" + encode(cursor),
                  bearer,
                  null),
              200);
      Matcher id = ID.matcher(page.body());
      while (id.find()) {
        ids.add(id.group(1));
      }
      Matcher next = NEXT_CURSOR.matcher(page.body());
      cursor = next.find() ? next.group(1) : null;
    }
    return ids;
  }

  /** Runs the --bulk loader for a new tenant, as a process of its own. */
  private static void load(String tenant, String prefix, int size) throws Exception {
    List<String> command = new ArrayList<>(Arrays.asList(bulk.trim().split("\\s+")));
    command.addAll(
        List.of("--tenant", tenant, "--prefix", prefix, "--count", Integer.toString(size)));
    long start = System.nanoTime();
    int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException("the loader failed: " + command);
    }
    System.err.printf(
        Locale.ROOT, "loaded %d users in %.0f s%n", size, (System.nanoTime() - start) / 1e9);
  }

  /** The id at 90 % of the tenant's id order: where the cursor90 scenario resumes. */
  private static String deepId(String bearer, int size) throws Exception {
    return field(
        ID,
        expect(
            request(
                "GET",
                "/scim/v2/Users?attributes=id&count=1&startIndex=" + (size / 10 * 9),
                bearer,
                null),
            200));
  }

  /** The query fingerprint of the server's cursors for an unfiltered, unsorted list. */
  private static String cursorQuery(String bearer) throws Exception {
    String cursor =
        field(
            NEXT_CURSOR,
            expect(request("GET", "/scim/v2/Users?attributes=id&count=1&cursor=", bearer, null), 200));
    String[] parts =
        new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
    return parts[4];
  }

  /**
   * A cursor 90 % deep: the server's own cursor format (RFC 9865 cursors are opaque to clients; this
   * benchmark knows Rollcall's) resuming after {@link Tenant#deepId}, as if 90 % of the tenant had
   * been paged through.
   */
  private static String deepCursor(Tenant tenant) {
    String text =
        String.join(
            "|",
            "c2",
            tenant.deepId(),
            "0",
            Long.toString(System.currentTimeMillis() / 1000),
            tenant.cursorQuery(),
            // the total the server counted for the first page and carries from page to page
            Integer.toString(tenant.size()));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> request(
      String method, String path, String authorization, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", authorization);
    if (body != null) {
      request.header(
          "Content-Type", path.startsWith("/api/") ? "application/json" : "application/scim+json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  private static String field(Pattern pattern, HttpResponse<String> response) {
    Matcher matcher = pattern.matcher(response.body());
    if (!matcher.find()) {
      throw new IllegalStateException("no " + pattern + " in " + response.body());
    }
    return matcher.group(1);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return options;
  }
}
