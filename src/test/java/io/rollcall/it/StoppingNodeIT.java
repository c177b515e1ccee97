package io.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A node being stopped (SIGTERM, as a rolling restart or a scale-in does) while IdPs keep sending:
 * until its listener closes it answers, and what it cannot serve any more it refuses with 503 and
 * {@code Retry-After} in a SCIM error body — never a 500, which Okta and Entra ID report as a
 * failed provisioning.
 */
class StoppingNodeIT {

  private static final int CLIENTS = 6;

  @Test
  void aStoppingNodeRefusesWith503AndRetryAfterNever500() throws Exception {
    Path work = Path.of(System.getProperty("rollcall.it.data", "target/it-data"), "stopping");
    try (MicroServer server = new MicroServer(work.resolve("db"), work.resolve("logs"))) {
      server.start();
      Http http = new Http(server.base());
      String tenant = http.createTenant("stopping");
      String bearer = Http.bearer(http.mintToken(tenant));
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Http.Answer created =
            http.send(
                "POST",
                "scim/v2/Users",
                bearer,
                "application/scim+json",
                "{\"userName\":\"stay" + i + "@example.com\"}");
        assertEquals(201, created.status(), created.body());
        ids.add(created.json().getString("id"));
      }

      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(2))
              .build();
      ConcurrentMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
      List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> running = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      for (int c = 0; c < CLIENTS; c++) {
        int clientNumber = c;
        running.add(
            clients.submit(
                () -> {
                  int refusedInARow = 0;
                  int n = 0;
                  while (refusedInARow < 3 && System.nanoTime() < deadline) {
                    HttpRequest request = request(server, bearer, ids, clientNumber, n++);
                    try {
                      HttpResponse<String> answer =
                          client.send(
                              request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                      refusedInARow = 0;
                      statuses
                          .computeIfAbsent(answer.statusCode(), s -> new AtomicInteger())
                          .incrementAndGet();
                      check(request, answer, wrong);
                    } catch (IOException closed) {
                      refusedInARow++;
                      Thread.sleep(200);
                    }
                  }
                  return null;
                }));
      }
      Thread.sleep(3_000);
      server.terminate();
      for (Future<?> f : running) {
        f.get();
      }
      clients.shutdownNow();

      Map<Integer, AtomicInteger> seen = new TreeMap<>(statuses);
      assertTrue(wrong.isEmpty(), "answers while stopping: " + seen + "; wrong: " + wrong);
      assertTrue(
          seen.keySet().stream().anyMatch(s -> s / 100 == 2), "served before stopping: " + seen);
    }
  }

  private static HttpRequest request(
      MicroServer server, String bearer, List<String> ids, int client, int n) {
    URI base = URI.create(server.base().toString());
    HttpRequest.Builder request =
        HttpRequest.newBuilder()
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", bearer)
            .header("Content-Type", "application/scim+json");
    if (n % 3 == 2) {
      return request
          .uri(base.resolve("scim/v2/Users"))
          .POST(
              HttpRequest.BodyPublishers.ofString(
                  "{\"userName\":\"new-" + client + "-" + n + "@example.com\"}"))
          .build();
    }
    String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    return request.uri(base.resolve("scim/v2/Users/" + id)).GET().build();
  }

  /** 2xx, or 503 with Retry-After and a SCIM error body; anything else is wrong. */
  private static void check(HttpRequest request, HttpResponse<String> answer, List<String> wrong) {
    int status = answer.statusCode();
    if (status / 100 == 2) {
      return;
    }
    boolean refusedProperly =
        status == 503
            && answer.headers().firstValue("Retry-After").isPresent()
            && answer.body().contains("urn:ietf:params:scim:api:messages:2.0:Error");
    if (!refusedProperly) {
      String body = answer.body();
      wrong.add(
          request.method()
              + " "
              + request.uri().getPath()
              + " -> "
              + status
              + " "
              + body.substring(0, Math.min(200, body.length())));
    }
  }
}
