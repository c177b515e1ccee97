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
 * java bench/StartupTime.java [--runs 3] [--jvm "-Xmx512m …"] [--rootdir DIR]
 * </pre>
 *
 * Per run it prints the wall time until {@code /health/ready} answers 200 and the admin API answers
 * its own 401 (Rollcall deployed and serving), and what Payara logged: its boot and the WAR's
 * deployment. {@code --rootdir} keeps Payara's unpacked runtime in one place across runs (what a
 * class-data-sharing archive made on an earlier run needs); the data folder is new every run.
 */
public class StartupTime {

  private static final Pattern READY = Pattern.compile("ready in ([0-9,]+) \\(ms\\)");
  private static final Pattern DEPLOYED =
      Pattern.compile("\\S+ was successfully deployed in ([0-9,]+) milliseconds");

  public static void main(String[] args) throws Exception {
    int runs = 3;
    String jvm = "-Xmx512m";
    Path root = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--jvm" -> jvm = args[++i];
        case "--rootdir" -> root = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    System.out.println("| run | serving after (ms) | Payara \"ready in\" (ms) | WAR deployed in (ms) |");
    System.out.println("|---|---|---|---|");
    List<Long> serving = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      Result result = startOnce(jvm, root);
      serving.add(result.servingMillis());
      System.out.printf(
          "| %d | %d | %s | %s |%n", run, result.servingMillis(), result.ready(), result.deployed());
    }
    serving.sort(Comparator.naturalOrder());
    System.out.println();
    System.out.println("median serving after: " + serving.get(serving.size() / 2) + " ms");
  }

  record Result(long servingMillis, String ready, String deployed) {}

  private static Result startOnce(String jvm, Path fixedRoot) throws Exception {
    Path work = Files.createTempDirectory("rollcall-startup");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(jvm.trim().split("\\s+")));
    command.addAll(
        List.of(
            "-Duser.timezone=UTC",
            "-Drollcall.data.dir=" + work.resolve("data"),
            "-jar",
            "target/payara-micro.jar",
            "--nocluster",
            "--port",
            Integer.toString(port),
            "--rootdir",
            (fixedRoot == null ? work.resolve("root") : fixedRoot).toString(),
            "--prebootcommandfile",
            "server-config/pre-boot-commands.asadmin",
            "--postbootcommandfile",
            "server-config/post-boot-commands.asadmin",
            "--deploy",
            "target/rollcall.war",
            "--contextroot",
            "/"));
    Path log = work.resolve("server.log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("ROLLCALL_ADMIN_PASSWORD", "startup-time-password");
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
      String output = Files.readString(log, StandardCharsets.ISO_8859_1);
      return new Result(millis, first(READY, output), first(DEPLOYED, output));
    } finally {
      server.destroy();
      server.waitFor();
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
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
