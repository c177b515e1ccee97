import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How long Rollcall takes from {@code java -jar payara-micro.jar} to serving, started the way the
 * README's run command starts it, on a fresh data folder each time (a cold start: new root
 * directory, new H2 file, every migration applied).
 *
 * <pre>
 * mvn -DskipTests package        # target/rollcall.war and target/payara-micro.jar
 * java bench/StartupTime.java [--runs 3] [--jvm "-Xmx512m …"] [--rootdir DIR] [--restart]
 *     [--wars target/rollcall.war,other.war]
 * </pre>
 *
 * Per run it prints the wall time until {@code /health/ready} answers 200 and the admin API answers
 * its own 401 (Rollcall deployed and serving), the CPU time the server had used by then (less
 * disturbed than wall time when the machine is busy), and what Payara logged: its boot and the
 * WAR's deployment. {@code --rootdir} keeps Payara's unpacked runtime in one place across runs (what
 * a class-data-sharing archive made on an earlier run needs); the data folder is new every run
 * unless {@code --restart} is given: then one unmeasured start first creates the database and the
 * measured runs start on it, as every restart after the first does. {@code --wars} alternates runs
 * between builds, so that a comparison sees the same machine load on both sides.
 */
public class StartupTime {

  private static final Pattern READY = Pattern.compile("ready in ([0-9,]+) \\(ms\\)");
  private static final Pattern DEPLOYED =
      Pattern.compile("\\S+ was successfully deployed in ([0-9,]+) milliseconds");

  public static void main(String[] args) throws Exception {
    int runs = 3;
    String jvm = "-Xmx512m";
    Path root = null;
    boolean restart = false;
    List<String> wars = List.of("target/rollcall.war");
    String grid = "--nocluster";
    Path cds = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--jvm" -> jvm = args[++i];
        case "--rootdir" -> root = Path.of(args[++i]);
        case "--restart" -> restart = true;
        case "--wars" -> wars = List.of(args[++i].split(","));
        case "--grid" -> grid = args[++i];
        case "--cds" -> cds = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    System.out.println(
        "| run | war | serving after (ms) | server CPU (ms) | Payara \"ready in\" (ms) | WAR"
            + " deployed in (ms) |");
    System.out.println("|---|---|---|---|---|---|");
    Map<String, List<Long>> serving = new TreeMap<>();
    Map<String, Path> workOfWar = new TreeMap<>();
    try {
      for (String war : wars) {
        Path work = Files.createTempDirectory("rollcall-startup");
        workOfWar.put(war, work);
        if (restart) {
          startOnce(jvm, grid, cds, root, war, work);
        }
      }
      for (int run = 1; run <= runs; run++) {
        for (String war : wars) {
          Path work = workOfWar.get(war);
          Result result = startOnce(jvm, grid, cds, root, war, work);
          serving.computeIfAbsent(war, w -> new ArrayList<>()).add(result.servingMillis());
          System.out.printf(
              "| %d | %s | %d | %d | %s | %s |%n",
              run,
              war,
              result.servingMillis(),
              result.cpuMillis(),
              result.ready(),
              result.deployed());
          if (!restart) {
            delete(work);
            Files.createDirectories(work);
          }
        }
      }
    } finally {
      for (Path work : workOfWar.values()) {
        delete(work);
      }
    }
    System.out.println();
    serving.forEach(
        (war, millis) -> {
          millis.sort(Comparator.naturalOrder());
          System.out.println(
              "median serving after, " + war + ": " + millis.get(millis.size() / 2) + " ms");
        });
  }

  record Result(long servingMillis, long cpuMillis, String ready, String deployed) {}

  private static Result startOnce(
      String jvm, String grid, Path cds, Path fixedRoot, String war, Path work)
      throws Exception {
    // A root directory that held a deployment redeploys it at boot before --deploy deploys the
    // WAR again: each run gets a new one unless --rootdir asks to keep one.
    Path root = fixedRoot == null ? Files.createTempDirectory("rollcall-startup-root") : fixedRoot;
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> jvmOptions = new ArrayList<>(Arrays.asList(jvm.trim().split("\\s+")));
    jvmOptions.addAll(
        List.of(
            "-Duser.timezone=UTC",
            "-Dhazelcast.phone.home.enabled=false",
            "-Drollcall.data.dir=" + work.resolve("data")));
    List<String> microOptions =
        List.of(
            grid,
            "--disablephonehome",
            "--port",
            Integer.toString(port),
            "--prebootcommandfile",
            "server-config/pre-boot-commands.asadmin",
            "--postbootcommandfile",
            "server-config/post-boot-commands.asadmin",
            "--deploy",
            war,
            "--contextroot",
            "/");
    List<String> command = new ArrayList<>();
    if (cds == null) {
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmOptions);
      command.addAll(List.of("-jar", "target/payara-micro.jar", "--rootdir", root.toString()));
    } else {
      // The launcher of fast-start.sh keeps its runtime in the prepared folder (it ignores
      // --rootdir) and gets a pristine copy of it on every start.
      command.addAll(List.of("sh", "server-config/fast-start.sh", "start", cds.toString()));
    }
    command.addAll(microOptions);
    Path log = work.resolve("server.log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("ROLLCALL_ADMIN_PASSWORD", "startup-time-password");
    if (cds != null) {
      builder.environment().put("JAVA_OPTS", String.join(" ", jvmOptions));
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    }
    long started = System.nanoTime();
    Process server = builder.start();
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      while (!serving(client, port)) {
        if (!server.isAlive()) {
          throw new IllegalStateException("the server exited; see " + log);
        }
        if (System.nanoTime() - started > Duration.ofMinutes(5).toNanos()) {
          throw new IllegalStateException("not serving after 5 minutes; see " + log);
        }
        Thread.sleep(50);
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      long cpu = server.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
      String output = Files.readString(log, StandardCharsets.ISO_8859_1);
      return new Result(millis, cpu, first(READY, output), first(DEPLOYED, output));
    } finally {
      server.destroy();
      server.waitFor();
      if (fixedRoot == null) {
        delete(root);
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Ready and deployed: health answers 200 and Rollcall's own admin API its JSON 401. */
  private static boolean serving(HttpClient client, int port) throws InterruptedException {
    try {
      HttpResponse<Void> ready = get(client, port, "/health/ready");
      return ready.statusCode() == 200 && get(client, port, "/api/admin/tenants").statusCode() == 401;
    } catch (IOException notYet) {
      return false;
    }
  }

  private static HttpResponse<Void> get(HttpClient client, int port, String path)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private static String first(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1).replace(",", "") : "?";
  }
}
