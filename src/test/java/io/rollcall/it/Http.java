package io.rollcall.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small black-box HTTP client for the container tests: raw requests, JSON answers. */
final class Http {

  static final String ADMIN_PASSWORD = "it-admin-password";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final URI base;

  Http(URL base) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
  }

  record Answer(int status, String body, HttpResponse<String> raw) {
    JsonObject json() {
      return (JsonObject) parse();
    }

    JsonArray array() {
      return (JsonArray) parse();
    }

    private JsonStructure parse() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        return reader.read();
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static String admin() {
    return basic("admin", ADMIN_PASSWORD);
  }

  /**
   * The {@code Cookie} header a browser would send after this answer: the earlier cookies, updated
   * by the answer's {@code Set-Cookie}s. Every cookie counts, not just the session id: the
   * container pairs it with a session-version cookie.
   */
  static String cookies(Answer answer, String earlier) {
    java.util.Map<String, String> jar = new java.util.LinkedHashMap<>();
    if (earlier != null && !earlier.isBlank()) {
      for (String pair : earlier.split(";\\s*")) {
        String[] nameValue = pair.split("=", 2);
        jar.put(nameValue[0].strip(), nameValue.length > 1 ? nameValue[1] : "");
      }
    }
    for (String header : answer.raw().headers().allValues("Set-Cookie")) {
      String[] nameValue = header.split(";", 2)[0].split("=", 2);
      jar.put(nameValue[0].strip(), nameValue.length > 1 ? nameValue[1] : "");
    }
    return String.join(
        "; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  /** One {@code name=value} pair of a form body, both URL-encoded. */
  static String formField(String name, String value) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8)
        + "="
        + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * The value of a page's input named {@code name}, with the HTML entities Faces writes decoded.
   */
  static String hiddenValue(String html, String name) {
    Matcher input =
        Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(html);
    if (!input.find()) {
      throw new AssertionError("no " + name + " in the page");
    }
    Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
    if (!value.find()) {
      throw new AssertionError("no value for " + name);
    }
    Matcher entity = Pattern.compile("&#(\\d+);").matcher(value.group(1));
    StringBuilder decoded = new StringBuilder();
    while (entity.find()) {
      entity.appendReplacement(
          decoded, Matcher.quoteReplacement(Character.toString(Integer.parseInt(entity.group(1)))));
    }
    entity.appendTail(decoded);
    return decoded.toString().replace("&amp;", "&");
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }

  /**
   * Signs in to the console as a browser's form post does, over plain HTTP; returns the session's
   * cookies for later requests.
   */
  String consoleSignIn(String user, String password) {
    Answer page = get("console/login.xhtml", null);
    String cookie = cookies(page, null);
    String form =
        "signin=signin&"
            + formField("signin:username", user)
            + "&"
            + formField("signin:password", password)
            + "&"
            + formField("signin:submit", "Sign in")
            + "&"
            + formField(
                "jakarta.faces.ViewState", hiddenValue(page.body(), "jakarta.faces.ViewState"))
            + "&"
            + formField("rollcall_csrf", hiddenValue(page.body(), "rollcall_csrf"));
    Answer signedIn =
        send(
            "POST",
            "console/login.xhtml",
            null,
            "application/x-www-form-urlencoded",
            form,
            "Cookie",
            cookie);
    if (signedIn.status() != 302) {
      throw new AssertionError(
          "console sign-in answered " + signedIn.status() + ": " + signedIn.body());
    }
    return cookies(signedIn, cookie);
  }

  Answer send(
      String method,
      String path,
      String authorization,
      String contentType,
      String body,
      String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Answer get(String path, String authorization, String... headers) {
    return send("GET", path, authorization, null, null, headers);
  }

  Answer postJson(String path, String authorization, String json) {
    return send("POST", path, authorization, "application/json", json);
  }

  /** Creates a tenant through the admin API and returns its id. */
  String createTenant(String name) {
    Answer created = postJson("api/admin/tenants", admin(), "{\"name\":\"" + name + "\"}");
    if (created.status() != 201) {
      throw new IllegalStateException(
          "tenant not created: " + created.status() + " " + created.body());
    }
    return created.json().getString("id");
  }

  /** Mints a token for the tenant and returns the secret. */
  String mintToken(String tenantId) {
    Answer minted =
        postJson("api/admin/tenants/" + tenantId + "/tokens", admin(), "{\"description\":\"it\"}");
    if (minted.status() != 201) {
      throw new IllegalStateException("token not minted: " + minted.status() + " " + minted.body());
    }
    return minted.json().getString("token");
  }
}
