package io.rollcall.it;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rollcall on a Payara Micro process of its own, started the way the README's run command starts it
 * (same post-boot file, same data-directory property), for tests that must do what Arquillian
 * cannot: kill the server with SIGKILL and start it again on the same data, or start two nodes of a
 * cluster ({@code --clustermode} among the options; otherwise {@code --nocluster}, as the
 * single-node run command).
 */
final class MicroServer implements AutoCloseable {

  private final Path dataDir;
  private final Path logDir;
  private final Map<String, String> environment;
  private final List<String> postBootFiles;
  private final List<String> extraMicroOptions;
  private Path fastStart;
  private String fastStartJvm = "";
  private Process process;
  private int port;
  private int starts;
  private Path log;

  MicroServer(Path dataDir, Path logDir) {
    this(dataDir, logDir, Map.of(), List.of("post-boot-commands.asadmin"), List.of());
  }

  MicroServer(
      Path dataDir,
      Path logDir,
      Map<String, String> environment,
      List<String> postBootFiles,
      List<String> extraMicroOptions) {
    this.dataDir = dataDir;
    this.logDir = logDir;
    this.environment = environment;
    this.postBootFiles = postBootFiles;
    this.extraMicroOptions = extraMicroOptions;
  }

  /**
   * Starts through {@code server-config/fast-start.sh start} from a folder its {@code prepare}
   * made, with these extra JVM options, instead of {@code java -jar payara-micro.jar}.
   */
  MicroServer fastStart(Path preparedDir, String jvmOptions) {
    this.fastStart = preparedDir;
    this.fastStartJvm = jvmOptions;
    return this;
  }

  /** Starts the server and waits until {@code /health/ready} answers 200. */
  void start() throws IOException, InterruptedException {
    Files.createDirectories(dataDir);
    Files.createDirectories(logDir);
    port = Ports.unused();
    starts++;
    List<String> jvmOptions =
        List.of(
            "-Xmx512m",
            "-Duser.timezone=UTC",
            "-Dhazelcast.phone.home.enabled=false",
            "-Drollcall.data.dir=" + dataDir.toAbsolutePath());
    List<String> microOptions = new ArrayList<>();
    microOptions.addAll(
        List.of(
            "--port",
            Integer.toString(port),
            "--prebootcommandfile",
            Path.of("server-config", "pre-boot-commands.asadmin").toAbsolutePath().toString()));
    microOptions.add("--disablephonehome");
    if (!extraMicroOptions.contains("--clustermode")) {
      microOptions.add("--nocluster");
    }
    microOptions.addAll(extraMicroOptions);
    for (String file : postBootFiles) {
      microOptions.add("--postbootcommandfile");
      microOptions.add(Path.of("server-config", file).toAbsolutePath().toString());
    }
    microOptions.addAll(
        List.of(
            "--deploy",
            Path.of(System.getProperty("rollcall.war", "target/rollcall.war"))
                .toAbsolutePath()
                .toString(),
            "--contextroot",
            "/"));
    List<String> command = new ArrayList<>();
    if (fastStart == null) {
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmOptions);
      command.add("-jar");
      command.add(System.getProperty("payara.microJar", "target/payara-micro.jar"));
      command.add("--rootdir");
      command.add(logDir.resolve("root-" + starts).toAbsolutePath().toString());
    } else {
      command.addAll(
          List.of(
              "sh",
              Path.of("server-config", "fast-start.sh").toAbsolutePath().toString(),
              "start",
              fastStart.toAbsolutePath().toString()));
    }
    command.addAll(microOptions);
    log = logDir.resolve("server-" + starts + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    if (fastStart != null) {
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().put("JAVA_OPTS", String.join(" ", jvmOptions) + " " + fastStartJvm);
    }
    process = builder.start();
    awaitReady(Duration.ofMinutes(4));
  }

  /** SIGKILL: no shutdown hook, no flush, no orderly close of the database. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM, as systemd or Kubernetes stop a node, and waits until the process has exited. */
  void terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
      kill();
    }
  }

  /** The server's process id, as lease rows name their holder ("pid@host/…"). */
  long pid() {
    return process.pid();
  }

  /** What the server has logged so far in its current run. */
  String log() throws IOException {
    return Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  URL base() {
    try {
      return URI.create("http://127.0.0.1:" + port + "/").toURL();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private void awaitReady(Duration limit) throws InterruptedException, IOException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(limit);
    URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara Micro exited with " + process.exitValue());
      }
      String output = Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
      // Payara reports a failed deployment in either wording and keeps running without the app.
      if (output.contains("Exception while loading the app")
          || output.contains("Exception while deploying the app")) {
        throw new IllegalStateException("Rollcall failed to deploy; see " + log);
      }
      if (output.contains("Address already in use")) {
        throw new IllegalStateException("A port of the server was taken; see " + log);
      }
      try {
        HttpResponse<Void> answer =
            client.send(
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        last = "/health/ready answered " + answer.statusCode();
        if (answer.statusCode() == 200 && deployed(client)) {
          return;
        }
      } catch (IOException notYet) {
        // the listener is not up yet
        last = notYet.toString();
      }
      Thread.sleep(500);
    }
    Path threads = dumpThreads();
    throw new IllegalStateException(
        "Rollcall was not ready within "
            + limit
            + " (last: "
            + last
            + "; log: "
            + log
            + "; threads: "
            + threads
            + ")");
  }

  /**
   * A server that accepts connections but never answers is stuck somewhere; its threads say where.
   * The dump lands beside the log, named so that {@code .ci/run} prints it when the build fails.
   */
  private Path dumpThreads() throws InterruptedException {
    Path dump = logDir.resolve("not-ready-threads-" + starts + ".txt");
    try {
      Process jcmd =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  Long.toString(process.pid()),
                  "Thread.print")
              .redirectErrorStream(true)
              .redirectOutput(dump.toFile())
              .start();
      if (!jcmd.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        jcmd.destroyForcibly();
      }
    } catch (IOException e) {
      return null;
    }
    return dump;
  }

  /**
   * Payara's health endpoint can answer before the WAR is deployed; the admin API's JSON 401 says
   * Rollcall itself is serving.
   */
  private boolean deployed(HttpClient client) throws IOException, InterruptedException {
    HttpResponse<Void> answer =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/tenants"))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    return answer.statusCode() == 401;
  }
}
