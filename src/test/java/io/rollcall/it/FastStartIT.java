package io.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's fast start ({@code server-config/fast-start.sh}): {@code prepare} makes a
 * class-data-sharing archive from a trained start, and {@code start} serves Rollcall with it. The
 * server runs with {@code -Xshare:on}, so a start that could not use the archive fails instead of
 * passing slowly. Two starts on one database: the second must deploy the WAR once, not also the
 * deployment Payara Micro recorded in its runtime folder during the first.
 */
class FastStartIT {

  private static final Pattern DEPLOYED = Pattern.compile("was successfully deployed in");

  @Test
  void preparedArchiveServesAndRestartsDeployOnce() throws Exception {
    Path work = Path.of(System.getProperty("rollcall.it.data", "target/it-data"), "fast-start");
    delete(work);
    Path prepared = work.resolve("prepared");
    Path classLoading = work.resolve("class-loading.log").toAbsolutePath();
    prepare(prepared, work.resolve("prepare.out"));
    assertTrue(Files.size(prepared.resolve("rollcall.jsa")) > 0, "an archive was written");

    try (MicroServer server =
        new MicroServer(work.resolve("db"), work.resolve("logs"))
            .fastStart(prepared, "-Xshare:on -Xlog:class+load=info:file=" + classLoading)) {
      server.start();
      // -Xshare:on alone would be satisfied by the JDK's own archive: Payara's and Rollcall's
      // classes must come from the prepared one (the "top" layer, the dynamic archive).
      String loaded = Files.readString(classLoading, StandardCharsets.ISO_8859_1);
      assertTrue(
          loaded
              .lines()
              .anyMatch(
                  line ->
                      line.contains(" fish.payara.")
                          && line.contains("source: shared objects file (top)")),
          "Payara's classes come from the prepared archive");
      Http http = new Http(server.base());
      String token = Http.bearer(http.mintToken(http.createTenant("fast-start")));
      Http.Answer created =
          http.postJson(
              "scim/v2/Users",
              token,
              "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                  + "\"userName\":\"ann@example.com\"}");
      assertEquals(201, created.status(), created.body());
      String id = created.json().getString("id");
      assertEquals(1, DEPLOYED.matcher(server.log()).results().count(), server.log());

      server.terminate();
      server.start();
      Http again = new Http(server.base());
      assertEquals(200, again.get("scim/v2/Users/" + id, token).status());
      assertEquals(
          1,
          DEPLOYED.matcher(server.log()).results().count(),
          "the second start deploys the WAR once");
    }
  }

  private static void delete(Path dir) throws java.io.IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void prepare(Path prepared, Path output) throws Exception {
    Files.createDirectories(output.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    "sh",
                    Path.of("server-config", "fast-start.sh").toAbsolutePath().toString(),
                    "prepare",
                    prepared.toAbsolutePath().toString(),
                    Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar"))
                        .toAbsolutePath()
                        .toString(),
                    Path.of(System.getProperty("rollcall.war", "target/rollcall.war"))
                        .toAbsolutePath()
                        .toString()))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("JAVA_OPTS", "-Xmx512m");
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
    }
    assertEquals(
        0,
        process.exitValue(),
        () -> {
          try {
            return Files.readString(output, StandardCharsets.UTF_8)
                + Files.readString(prepared.resolve("prepare.log"), StandardCharsets.ISO_8859_1);
          } catch (java.io.IOException e) {
            return e.toString();
          }
        });
  }
}
