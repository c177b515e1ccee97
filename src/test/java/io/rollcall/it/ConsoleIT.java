package io.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The admin console in a real browser (headless Chromium): sign-in and its protections, tenants,
 * tokens shown once, revocation, rotation, settings, application keys, CSRF, and the separation
 * between console sessions and the APIs. Saves a screenshot of each main page into {@code
 * target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {

  private static final String ADMIN = "admin";
  private static final Dimension LAPTOP = new Dimension(1280, 900);
  private static final Dimension PHONE = new Dimension(390, 844);

  /** Matches {@code rollcall.auth.backoff} of the test server (see the pom). */
  private static final Duration LOCKOUT = Duration.ofSeconds(8);

  private static ChromeDriver browser;
  private static Path screenshots;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.rollcall();
  }

  @ArquillianResource URL base;

  @BeforeAll
  static void startBrowser() throws IOException {
    browser = Browsers.headless(LAPTOP.getWidth(), LAPTOP.getHeight(), "--hide-scrollbars");
    screenshots = Path.of(System.getProperty("rollcall.screenshots", "target/screenshots"));
    Files.createDirectories(screenshots);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void signedOutOnALaptop() {
    browser.manage().window().setSize(LAPTOP);
    open("console/assets/console.css");
    browser.manage().deleteAllCookies();
  }

  // --- Sign-in, sessions, sign-out

  @Test
  void wrongPasswordIsRejectedAndSignInStartsANewSession() {
    open("console/tenants.xhtml");
    assertTrue(browser.getCurrentUrl().endsWith("/console/login.xhtml"), "redirected to sign in");
    Cookie before = browser.manage().getCookieNamed("JSESSIONID");
    assertNotNull(before, "the sign-in page has a session for its CSRF token");
    assertTrue(before.isHttpOnly());
    assertEquals("Strict", before.getSameSite());
    shoot("01-sign-in");

    submitSignIn(ADMIN, "not-the-password");
    assertTrue(browser.getCurrentUrl().endsWith("/console/login.xhtml"));
    assertTrue(text().contains("The username or password is not correct."), text());

    submitSignIn(ADMIN, Http.ADMIN_PASSWORD);
    assertTrue(browser.getCurrentUrl().endsWith("/console/tenants.xhtml"), browser.getCurrentUrl());
    assertTrue(text().contains("Signed in as admin"));
    Cookie after = browser.manage().getCookieNamed("JSESSIONID");
    assertNotEquals(before.getValue(), after.getValue(), "a new session id after sign-in");
    assertTrue(after.isHttpOnly());
    assertEquals("Strict", after.getSameSite());
    assertRedirectsToSignIn(
        http().get("console/tenants.xhtml", null, "Cookie", "JSESSIONID=" + before.getValue()));
    assertEquals(
        200, http().get("console/tenants.xhtml", null, "Cookie", sessionCookies()).status());
  }

  @Test
  void signOutEndsTheSession() {
    signIn();
    String session = sessionCookie();
    press(By.id("signout:submit"));
    assertTrue(browser.getCurrentUrl().contains("/console/login.xhtml"));
    assertTrue(text().contains("You are signed out."));
    open("console/tenants.xhtml");
    assertTrue(
        browser.getCurrentUrl().endsWith("/console/login.xhtml"),
        "console pages need a new sign-in");
    assertRedirectsToSignIn(
        http().get("console/tenants.xhtml", null, "Cookie", "JSESSIONID=" + session));
  }

  @Test
  void repeatedFailedSignInsLockTheUsernameForAWhile() throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      submitSignIn(ADMIN, "guess-" + i);
      assertTrue(text().contains("The username or password is not correct."), text());
    }
    Instant locked = Instant.now();
    submitSignIn(ADMIN, Http.ADMIN_PASSWORD);
    assertTrue(
        text().contains("Too many failed sign-ins"),
        "even the right password is refused: " + text());
    assertTrue(browser.getCurrentUrl().endsWith("/console/login.xhtml"));

    Duration left = LOCKOUT.minus(Duration.between(locked, Instant.now())).plusMillis(500);
    Thread.sleep(Math.max(0, left.toMillis()));
    submitSignIn(ADMIN, Http.ADMIN_PASSWORD);
    assertTrue(
        browser.getCurrentUrl().endsWith("/console/tenants.xhtml"), "the lock expires: " + text());
  }

  @Test
  void scimTokensAndBasicCredentialsNeverOpenTheConsoleAndSessionsNeverOpenTheApis() {
    Http http = http();
    String token = http.mintToken(http.createTenant(unique("separation")));
    assertRedirectsToSignIn(http.get("console/tenants.xhtml", Http.bearer(token)));
    assertRedirectsToSignIn(http.get("console/tenants.xhtml", Http.admin()));

    signIn();
    String cookie = sessionCookies();
    Http.Answer scim = http.get("scim/v2/ServiceProviderConfig", null, "Cookie", cookie);
    assertEquals(401, scim.status());
    assertTrue(scim.header("Content-Type").startsWith("application/scim+json"));
    Http.Answer api = http.get("api/admin/tenants", null, "Cookie", cookie);
    assertEquals(401, api.status());
    assertEquals(401, api.json().getInt("status"));
  }

  // --- Tenants and tokens

  @Test
  void createsATenantMintsATokenShownOnceAndRevokesIt() {
    signIn();
    String name = unique("Acme");
    type(By.id("create:name"), name);
    press(By.id("create:submit"));
    assertTrue(
        browser.getCurrentUrl().contains("/console/tenant.xhtml?id="), browser.getCurrentUrl());
    assertTrue(text().contains("Tenant created."));
    assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith(name));
    assertTrue(text().contains("No tokens yet."));
    String baseUrl = browser.findElement(By.id("scim-base-url")).getAttribute("value");
    assertTrue(baseUrl.endsWith("/scim/v2"), baseUrl);

    String secret = mintToken("Okta production", "90");
    assertTrue(secret.startsWith("rcs_"), secret);
    assertTrue(text().contains("This is the only time this token is shown."));
    assertTrue(browser.findElement(By.cssSelector("[data-copy='new-secret']")).isDisplayed());
    shoot("03-token-created");
    assertEquals(200, http().get("scim/v2/ServiceProviderConfig", Http.bearer(secret)).status());

    browser.navigate().refresh();
    assertTrue(
        browser.findElements(By.id("new-secret")).isEmpty(), "the secret is gone after a reload");
    assertFalse(browser.getPageSource().contains(secret));
    assertTrue(text().contains("shown once and cannot be shown again"));

    WebElement row = tokenRow(secret);
    assertTrue(row.getText().contains("Okta production"));
    assertTrue(row.getText().contains("Active"));
    press(row.findElement(By.cssSelector("a.revoke")));
    assertTrue(text().contains("Revoke token " + prefix(secret)), text());
    assertEquals(
        200,
        http().get("scim/v2/ServiceProviderConfig", Http.bearer(secret)).status(),
        "not before confirming");
    press(By.id("revoke-form:confirm"));
    assertTrue(text().contains("Token revoked."));
    assertEquals(401, http().get("scim/v2/ServiceProviderConfig", Http.bearer(secret)).status());
    assertEquals("revoked", tokenRow(secret).getAttribute("data-status"));

    open("console/tenants.xhtml");
    WebElement listed = browser.findElement(By.xpath("//tr[td/a[text()='" + name + "']]"));
    assertTrue(listed.getText().contains("Active"), listed.getText());
    assertTrue(listed.getText().contains("ago"), "last SCIM activity: " + listed.getText());
  }

  @Test
  void rotationKeepsBothTokensWorkingUntilTheCutOver() {
    String tenant = http().createTenant(unique("Rotate"));
    signIn();
    open("console/tenant.xhtml?id=" + tenant);
    String old = mintToken("Entra ID", "");
    press(tokenRow(old).findElement(By.cssSelector("a.rotate")));
    browser
        .findElement(By.cssSelector("select[id='rotate-form:grace'] option[value='60']"))
        .click();
    press(By.id("rotate-form:confirm"));
    String replacement = browser.findElement(By.id("new-secret")).getAttribute("value");
    assertNotEquals(old, replacement);
    assertTrue(text().contains("keeps working until"), text());
    shoot("05-rotation");

    assertEquals(200, http().get("scim/v2/ServiceProviderConfig", Http.bearer(old)).status());
    assertEquals(
        200, http().get("scim/v2/ServiceProviderConfig", Http.bearer(replacement)).status());

    // Cutting over early: "Revoke now" on the old token, which is still active until the cut-over.
    open("console/tenant.xhtml?id=" + tenant);
    WebElement oldRow = tokenRow(old);
    assertTrue(oldRow.getText().contains("Stops in"), oldRow.getText());
    press(oldRow.findElement(By.cssSelector("a.revoke")));
    press(By.id("revoke-form:confirm"));
    assertEquals(401, http().get("scim/v2/ServiceProviderConfig", Http.bearer(old)).status());
    assertEquals(
        200, http().get("scim/v2/ServiceProviderConfig", Http.bearer(replacement)).status());
  }

  @Test
  void adminApiRotatesATokenWithAGracePeriod() {
    Http http = http();
    String tenant = http.createTenant(unique("api-rotate"));
    Http.Answer minted =
        http.postJson(
            "api/admin/tenants/" + tenant + "/tokens",
            Http.admin(),
            "{\"description\":\"Okta\",\"expiresInDays\":30}");
    String firstId = minted.json().getString("id");
    String first = minted.json().getString("token");

    Http.Answer rotated = rotate(tenant, firstId, "{\"graceMinutes\":60}");
    assertEquals(201, rotated.status(), rotated.body());
    JsonObject second = rotated.json();
    assertEquals("no-store", rotated.header("Cache-Control"));
    assertTrue(
        rotated
            .header("Location")
            .endsWith("/api/admin/tenants/" + tenant + "/tokens/" + second.getString("id")));
    assertEquals(firstId, second.getString("replacedTokenId"));
    assertTrue(
        Instant.parse(second.getString("replacedTokenRevokedAt"))
            .isAfter(Instant.now().plusSeconds(3500)));
    assertEquals("Okta", second.getString("description"), "the description carries over");
    assertTrue(second.containsKey("expiresAt"), "so does the lifetime");
    assertEquals(200, http.get("scim/v2/ServiceProviderConfig", Http.bearer(first)).status());
    assertEquals(
        200,
        http.get("scim/v2/ServiceProviderConfig", Http.bearer(second.getString("token"))).status());

    Http.Answer third =
        rotate(tenant, second.getString("id"), "{\"graceMinutes\":0,\"description\":\"Okta 2\"}");
    assertEquals(201, third.status());
    assertEquals(
        401,
        http.get("scim/v2/ServiceProviderConfig", Http.bearer(second.getString("token"))).status(),
        "no grace: cut over at once");
    assertEquals(
        200,
        http.get("scim/v2/ServiceProviderConfig", Http.bearer(third.json().getString("token")))
            .status());
    assertEquals(
        200,
        http.get("scim/v2/ServiceProviderConfig", Http.bearer(first)).status(),
        "still in its grace period");

    assertEquals(
        400,
        rotate(tenant, second.getString("id"), "{\"graceMinutes\":0}").status(),
        "a revoked token cannot be rotated");
    assertEquals(400, rotate(tenant, third.json().getString("id"), "{}").status());
    assertEquals(
        400, rotate(tenant, third.json().getString("id"), "{\"graceMinutes\":-1}").status());
    assertEquals(
        404, rotate(tenant, UUID.randomUUID().toString(), "{\"graceMinutes\":5}").status());
  }

  @Test
  void settingsRenameDisableAndSetTheCustomSchema() {
    Http http = http();
    String tenant = http.createTenant(unique("Settings"));
    String token = http.mintToken(tenant);
    signIn();
    press(By.cssSelector("tr[data-tenant='" + tenant + "'] a[href^='settings.xhtml']"));
    assertTrue(browser.getCurrentUrl().contains("/console/settings.xhtml?id=" + tenant));

    type(By.id("schema:urn"), "not a urn");
    press(By.id("schema:submit"));
    WebElement error = browser.findElement(By.cssSelector("#schema .field-error"));
    assertTrue(error.getText().contains("customUserSchema must be a URN"), error.getText());
    shoot("07-settings-error");
    type(By.id("schema:urn"), "urn:acme:params:scim:schemas:extension:acme:2.0:User");
    press(By.id("schema:submit"));
    assertTrue(text().contains("Custom extension URN saved."));
    assertEquals(
        "urn:acme:params:scim:schemas:extension:acme:2.0:User",
        http.get("api/admin/tenants/" + tenant, Http.admin()).json().getString("customUserSchema"));

    String renamed = unique("Renamed");
    type(By.id("rename:name"), renamed);
    press(By.id("rename:submit"));
    assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith(renamed));

    press(By.id("status-form:disable"));
    assertTrue(text().contains("Tenant disabled."));
    assertEquals(401, http.get("scim/v2/ServiceProviderConfig", Http.bearer(token)).status());
    shoot("06-settings");
    press(By.id("status-form:enable"));
    assertTrue(text().contains("Tenant enabled."));
    assertEquals(200, http.get("scim/v2/ServiceProviderConfig", Http.bearer(token)).status());
  }

  @Test
  void setupGuidesCarryTheTenantsValues() {
    String tenant = http().createTenant(unique("Guides"));
    signIn();
    open("console/tenant.xhtml?id=" + tenant);
    String baseUrl = browser.findElement(By.id("scim-base-url")).getAttribute("value");
    for (String idp : List.of("okta", "entra", "onelogin", "jumpcloud")) {
      WebElement guide = browser.findElement(By.id("guide-" + idp));
      guide.findElement(By.tagName("summary")).click();
      assertEquals(baseUrl, guide.findElement(By.id(idp + "-url")).getAttribute("value"), idp);
      assertTrue(guide.getText().contains("Test it"), idp);
    }
    // Google Workspace provisions only its catalog apps: the guide says so instead of steps.
    WebElement google = browser.findElement(By.id("guide-google"));
    google.findElement(By.tagName("summary")).click();
    assertTrue(
        google.getText().contains("Google Workspace cannot provision people to Rollcall."),
        google.getText());
    assertTrue(google.findElements(By.id("google-url")).isEmpty());
    String okta = browser.findElement(By.id("guide-okta")).getText();
    for (String field :
        List.of(
            "SCIM connector base URL",
            "Unique identifier field for users",
            "userName",
            "HTTP Header",
            "Create Users",
            "Update User Attributes",
            "Deactivate Users")) {
      assertTrue(okta.contains(field), field);
    }
    String entra = browser.findElement(By.id("guide-entra")).getText();
    assertTrue(entra.contains("Tenant URL") && entra.contains("Secret Token"), entra);
    String onelogin = browser.findElement(By.id("guide-onelogin")).getText();
    assertTrue(
        onelogin.contains("SCIM Base URL") && onelogin.contains("SCIM Bearer Token"), onelogin);
    String jumpcloud = browser.findElement(By.id("guide-jumpcloud")).getText();
    assertTrue(jumpcloud.contains("Base URL") && jumpcloud.contains("Token Key"), jumpcloud);

    // A tenant that never named its identity provider opens no guide by itself.
    open("console/tenant.xhtml?id=" + tenant);
    for (String idp : List.of("okta", "entra", "google", "onelogin", "jumpcloud")) {
      assertNull(browser.findElement(By.id("guide-" + idp)).getAttribute("open"), idp);
    }
    // Settings name it (issue 15, item 5); the tenant page then opens at its guide.
    open("console/settings.xhtml?id=" + tenant);
    assertEquals(
        "any",
        browser
            .findElement(By.cssSelector("select[id='idp:profile'] option:checked"))
            .getAttribute("value"));
    browser
        .findElement(By.cssSelector("select[id='idp:profile'] option[value='entra-id']"))
        .click();
    press(By.id("idp:submit"));
    assertTrue(text().contains("Identity provider saved."), text());
    assertEquals(
        "entra-id",
        http().get("api/admin/tenants/" + tenant, Http.admin()).json().getString("idpProfile"));
    open("console/tenant.xhtml?id=" + tenant);
    assertNotNull(browser.findElement(By.id("guide-entra")).getAttribute("open"));
    assertTrue(browser.findElement(By.id("entra-url")).isDisplayed(), "open without a click");
    assertNull(browser.findElement(By.id("guide-okta")).getAttribute("open"));
  }

  @Test
  void pagesReadWellOnALaptopAndAPhone() {
    Http http = http();
    String tenant = http.createTenant(unique("Globex"));
    http.mintToken(tenant);
    String used = http.mintToken(tenant);
    http.get("scim/v2/ServiceProviderConfig", Http.bearer(used));
    http.createTenant(unique("Initech"));
    signIn();
    shoot("02-tenants");
    open("console/tenant.xhtml?id=" + tenant);
    browser.findElement(By.cssSelector("#guide-okta summary")).click();
    shoot("04-tenant");

    browser.manage().window().setSize(PHONE);
    open("console/tenant.xhtml?id=" + tenant);
    assertFalse(overflowsSideways(), "no sideways scrolling on a phone");
    shoot("08-tenant-phone");
    open("console/tenants.xhtml");
    assertFalse(overflowsSideways());
  }

  // --- Users, audit log and the settings that feed provisioning

  @Test
  void usersSearchTheUserPageAndTheAuditLogFollowScimCalls() {
    Http http = http();
    String tenant = http.createTenant(unique("Umbrella"));
    String token = http.mintToken(tenant);
    String alice =
        scimUser(
            http, token, "alice.kovacs@umbrella.test", "Alice", "Kovacs", "Controller", "Finance");
    scimUser(http, token, "bob.lee@umbrella.test", "Bob", "Lee", "Engineer", "R&D");
    String carol =
        scimUser(
            http, token, "carol.diaz@umbrella.test", "Carol", "Diaz", "Finance Manager", "Finance");
    Http.Answer deactivated =
        scim(
            http,
            "PATCH",
            "Users/" + carol,
            token,
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}");
    assertEquals(200, deactivated.status(), deactivated.body());
    assertEquals(
        200,
        http.get(
                "scim/v2/Users?filter="
                    + URLEncoder.encode(
                        "userName eq \"bob.lee@umbrella.test\"", StandardCharsets.UTF_8),
                Http.bearer(token))
            .status());
    assertEquals(404, http.get("scim/v2/Users/" + UUID.randomUUID(), Http.bearer(token)).status());

    signIn();
    open("console/users.xhtml?id=" + tenant);
    assertEquals(3, browser.findElements(By.cssSelector("#user-list tbody tr")).size(), text());
    assertTrue(text().contains("1–3 of 3"), text());
    WebElement carolRow =
        browser.findElement(By.cssSelector("tr[data-user='carol.diaz@umbrella.test']"));
    assertTrue(carolRow.getText().contains("Inactive"), carolRow.getText());
    shoot("09-users");

    type(By.id("q"), "KOVACS");
    press(By.id("search"));
    List<WebElement> found = browser.findElements(By.cssSelector("#user-list tbody tr"));
    assertEquals(1, found.size(), text());
    assertEquals("alice.kovacs@umbrella.test", found.get(0).getAttribute("data-user"));
    assertEquals(
        "KOVACS", browser.findElement(By.id("q")).getAttribute("value"), "the search is kept");

    open("console/users.xhtml?id=" + tenant + "&status=inactive");
    found = browser.findElements(By.cssSelector("#user-list tbody tr"));
    assertEquals(1, found.size(), text());
    assertEquals("carol.diaz@umbrella.test", found.get(0).getAttribute("data-user"));
    open("console/users.xhtml?id=" + tenant + "&q=nobody-like-this");
    assertTrue(text().contains("No users match."), text());

    open("console/users.xhtml?id=" + tenant);
    press(By.linkText("carol.diaz@umbrella.test"));
    assertTrue(browser.getCurrentUrl().contains("user=" + carol), browser.getCurrentUrl());
    String core = browser.findElement(By.cssSelector("dl[data-schema='Core']")).getText();
    assertTrue(core.contains("name.givenName") && core.contains("Carol"), core);
    assertTrue(core.contains("emails[work] (primary)"), core);
    String enterprise =
        browser.findElement(By.cssSelector("dl[data-schema='Enterprise']")).getText();
    assertTrue(enterprise.contains("department") && enterprise.contains("Finance"), enterprise);
    String custom =
        browser.findElement(By.cssSelector("dl[data-schema='Custom extension']")).getText();
    assertTrue(custom.contains("customField1") && custom.contains("Desk"), custom);
    List<String> kinds =
        browser.findElements(By.cssSelector("#event-list tbody tr")).stream()
            .map(r -> r.getAttribute("data-kind"))
            .toList();
    assertEquals(List.of("deactivated", "provisioned"), kinds, "newest first");
    assertTrue(
        browser.getPageSource().contains("\"userName\": \"carol.diaz@umbrella.test\""),
        "the SCIM JSON");
    shoot("10-user");
    open("console/user.xhtml?id=" + tenant + "&user=" + UUID.randomUUID());
    assertTrue(text().contains("Nothing here"));

    // The audit log is written behind the requests: give the writer a moment.
    until(() -> auditEntries(http, tenant, "").size() >= 6, "the audit log of six SCIM requests");
    open("console/audit.xhtml?id=" + tenant);
    assertTrue(browser.findElements(By.cssSelector("#audit-list tbody tr")).size() >= 6, text());
    browser.findElement(By.cssSelector("#method option[value='POST']")).click();
    press(By.id("apply"));
    List<WebElement> posts = browser.findElements(By.cssSelector("#audit-list tbody tr"));
    assertEquals(3, posts.size(), text());
    assertTrue(posts.stream().allMatch(r -> "POST".equals(r.getAttribute("data-method"))));
    assertTrue(posts.stream().allMatch(r -> "201".equals(r.getAttribute("data-status"))));
    assertTrue(posts.get(0).getText().contains(prefix(token)), posts.get(0).getText());
    open("console/audit.xhtml?id=" + tenant + "&status=4xx");
    List<WebElement> errors = browser.findElements(By.cssSelector("#audit-list tbody tr"));
    assertEquals(1, errors.size(), text());
    assertEquals("404", errors.get(0).getAttribute("data-status"));
    open(
        "console/audit.xhtml?id="
            + tenant
            + "&method=GET&path="
            + URLEncoder.encode("/Users", StandardCharsets.UTF_8));
    assertTrue(
        text().contains("userName eq \"bob.lee@umbrella.test\""), "the filter is shown: " + text());
    open("console/audit.xhtml?id=" + tenant);
    shoot("11-audit");

    JsonObject patch = auditEntries(http, tenant, "&method=PATCH").get(0).asJsonObject();
    assertEquals("/Users/" + carol, patch.getString("path"));
    assertEquals(carol, patch.getString("resourceId"));
    assertEquals(200, patch.getInt("status"));
    assertEquals(prefix(token), patch.getString("tokenPrefix"));
    assertTrue(patch.getInt("durationMs") >= 0);
    JsonObject created =
        auditEntries(http, tenant, "&method=POST&path=Users").get(2).asJsonObject();
    assertEquals(alice, created.getString("resourceId"), "from the Location of the created user");
    Http.Answer first = http.get("api/admin/tenants/" + tenant + "/audit?limit=2", Http.admin());
    String next = first.json().getString("next");
    Http.Answer rest =
        http.get("api/admin/tenants/" + tenant + "/audit?limit=100&before=" + next, Http.admin());
    assertEquals(
        auditEntries(http, tenant, "").size(),
        2 + rest.json().getJsonArray("entries").size(),
        "pages neither skip nor repeat");
    assertEquals(
        400, http.get("api/admin/tenants/" + tenant + "/audit?status=6xx", Http.admin()).status());
  }

  @Test
  void settingsSetTheModeLoadAccountsEditRulesAndConfigureTheWebhook() throws IOException {
    Http http = http();
    String tenant = http.createTenant(unique("Stark"));
    String token = http.mintToken(tenant);
    signIn();
    open("console/settings.xhtml?id=" + tenant);

    browser
        .findElement(By.cssSelector("input[name='provisioning:mode'][value='access-only']"))
        .click();
    press(By.id("provisioning:submit"));
    assertTrue(text().contains("Provisioning mode saved."), text());
    assertEquals(
        "access-only",
        http.get("api/admin/tenants/" + tenant, Http.admin()).json().getString("provisioningMode"));
    // The groups switch (issue 7): on here, then /Groups answers for this tenant's token.
    assertEquals(404, http.get("scim/v2/Groups", Http.bearer(token)).status());
    browser.findElement(By.id("groups:enabled")).click();
    press(By.id("groups:submit"));
    assertTrue(text().contains("Groups are on"), text());
    assertTrue(
        http.get("api/admin/tenants/" + tenant, Http.admin()).json().getBoolean("groupsEnabled"));
    assertEquals(200, http.get("scim/v2/Groups", Http.bearer(token)).status());

    browser
        .findElement(By.cssSelector("select[id='lifecycle:policy'] option[value='erase']"))
        .click();
    type(By.id("lifecycle:erase-days"), "30");
    press(By.id("lifecycle:submit"));
    assertTrue(text().contains("Lifecycle policy saved."), text());
    JsonObject settings = http.get("api/admin/tenants/" + tenant, Http.admin()).json();
    assertEquals("erase", settings.getString("deletePolicy"));
    assertEquals(30, settings.getInt("eraseDeactivatedAfterDays"));

    // The SCIM rate limit: a custom one, read back through the admin API.
    browser.findElement(By.cssSelector("input[name='rate-limit:mode'][value='custom']")).click();
    type(By.id("rate-limit:per-second"), "20");
    type(By.id("rate-limit:burst"), "200");
    press(By.id("rate-limit:submit"));
    assertTrue(text().contains("SCIM rate limit saved."), text());
    settings = http.get("api/admin/tenants/" + tenant, Http.admin()).json();
    assertEquals("custom", settings.getString("scimRateLimit"));
    assertEquals(20, settings.getInt("scimRequestsPerSecond"));
    assertEquals(200, settings.getInt("scimBurst"));

    Path csv = Files.createTempFile("accounts", ".csv");
    Files.writeString(
        csv,
        "email,displayName,title,department\n"
            + "tony@stark.test,Tony Stark,Chief Manager,Engineering\n"
            + "not-an-email,Nobody,,\n"
            + "pepper@stark.test,Pepper Potts,CEO,Leadership\n");
    browser.findElement(By.id("upload:file")).sendKeys(csv.toAbsolutePath().toString());
    press(By.id("upload:submit"));
    Files.delete(csv);
    String report = browser.findElement(By.id("upload-report")).getText();
    assertTrue(report.contains("3 rows read, 2 created"), report);
    assertTrue(report.contains("1 rejected"), report);
    assertTrue(
        report.contains("not-an-email") && report.contains("email is not an email address"),
        report);
    assertEquals("2 accounts", browser.findElement(By.id("account-count")).getText());
    assertEquals(2, browser.findElements(By.cssSelector("#account-list tbody tr")).size());
    shoot("12-settings-accounts");

    // Access-only: the person must be in the directory; the setup guide says so.
    assertEquals(
        201,
        scim(
                http,
                "POST",
                "Users",
                token,
                userJson("tony@stark.test", "Tony", "Stark", "Chief Manager", "Engineering"))
            .status());
    assertEquals(
        400,
        scim(
                http,
                "POST",
                "Users",
                token,
                userJson("happy@stark.test", "Happy", "Hogan", "Driver", "Ops"))
            .status());
    open("console/tenant.xhtml?id=" + tenant);
    assertTrue(
        browser.findElement(By.id("access-only-note")).getText().contains("must already exist"));

    open("console/settings.xhtml?id=" + tenant + "#rules");
    assertTrue(text().contains("No rules."));
    press(By.id("rules:add"));
    type(By.id("rules:list:0:filter"), "title co \"Manager\"");
    type(By.id("rules:list:0:group"), "Team Lead");
    press(By.id("rules:add"));
    type(By.id("rules:list:1:filter"), "title co (");
    type(By.id("rules:list:1:group"), "Broken");
    press(By.id("rules:list:0:preview"));
    assertTrue(text().contains("Matches 1 person now: tony@stark.test."), text());
    press(By.id("rules:list:1:preview"));
    assertTrue(text().contains("Invalid filter"), text());
    press(By.id("rules:save"));
    assertTrue(
        browser
            .findElement(By.cssSelector("#rules .field-error"))
            .getText()
            .contains("invalid filter"),
        text());
    type(By.id("rules:list:1:filter"), "userName pr");
    type(By.id("rules:list:1:group"), "Everyone");
    press(By.id("rules:list:1:up"));
    assertEquals(
        "userName pr", browser.findElement(By.id("rules:list:0:filter")).getAttribute("value"));
    shoot("13-settings-rules");
    press(By.id("rules:save"));
    assertTrue(text().contains("Permission rules saved."), text());
    assertEquals(
        List.of("Everyone", "Team Lead"),
        http.get("api/admin/tenants/" + tenant + "/permission-rules", Http.admin()).array().stream()
            .map(r -> r.asJsonObject().getString("group"))
            .toList());

    // A webhook to a port nobody listens on: its secret is shown once, delivery fails,
    // pause/resume.
    type(By.id("webhook-form:url"), "not a url");
    press(By.id("webhook-form:submit"));
    assertTrue(text().contains("url must be an absolute http(s) URL"), text());
    type(By.id("webhook-form:url"), "http://127.0.0.1:9/rollcall-events");
    press(By.id("webhook-form:submit"));
    String secret = browser.findElement(By.id("new-secret")).getAttribute("value");
    assertTrue(secret.startsWith("rcw_"), secret);
    assertTrue(text().contains("This is the only time this secret is shown."));
    shoot("14-webhook-secret");
    browser.navigate().refresh();
    assertTrue(browser.findElements(By.id("new-secret")).isEmpty(), "gone after a reload");
    assertFalse(browser.getPageSource().contains(secret));
    open("console/settings.xhtml?id=" + tenant + "#webhook");
    assertTrue(browser.findElement(By.id("delivered")).getText().startsWith("event "), text());
    press(By.id("webhook-control:pause"));
    assertTrue(text().contains("Webhook paused."), text());
    assertEquals("Paused", browser.findElement(By.id("delivery-state")).getText());
    assertTrue(
        http.get("api/admin/tenants/" + tenant + "/webhook", Http.admin())
            .json()
            .getBoolean("paused"));
    press(By.id("webhook-control:resume"));
    assertTrue(text().contains("Webhook resumed"), text());
    assertFalse(
        http.get("api/admin/tenants/" + tenant + "/webhook", Http.admin())
            .json()
            .getBoolean("paused"));

    browser.manage().window().setSize(PHONE);
    open("console/settings.xhtml?id=" + tenant);
    assertFalse(overflowsSideways(), () -> "no sideways scrolling on a phone: " + tooWide());
    shoot("15-settings-phone");
    open("console/users.xhtml?id=" + tenant);
    assertFalse(overflowsSideways());
  }

  @Test
  void applicationKeysAreShownOnceAndRevokedAndTheListCountsActiveUsers() throws IOException {
    Http http = http();
    String tenant = http.createTenant(unique("Wayne"));
    String token = http.mintToken(tenant);
    scimUser(http, token, "bruce.wayne@wayne.test", "Bruce", "Wayne", "Chairman", "Board");
    String robin =
        scimUser(http, token, "dick.grayson@wayne.test", "Dick", "Grayson", "Intern", "R&D");
    Http.Answer deactivated =
        scim(
            http,
            "PATCH",
            "Users/" + robin,
            token,
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}");
    assertEquals(200, deactivated.status(), deactivated.body());

    signIn();
    WebElement listed = browser.findElement(By.cssSelector("tr[data-tenant='" + tenant + "']"));
    assertEquals(
        "1", listed.findElement(By.cssSelector("td.active-users")).getText(), listed.getText());

    open("console/settings.xhtml?id=" + tenant + "#app-keys");
    assertTrue(text().contains("No application keys for this tenant."), text());
    type(By.id("app-key-mint:description"), "Billing app");
    type(By.id("app-key-mint:expiry"), "30");
    press(By.id("app-key-mint:submit"));
    String key = browser.findElement(By.id("new-secret")).getAttribute("value");
    assertTrue(key.startsWith("rca_"), key);
    assertTrue(text().contains("This is the only time this key is shown."), text());
    assertTrue(browser.findElement(By.cssSelector("[data-copy='new-secret']")).isDisplayed());
    String access = "api/app/v1/tenants/" + tenant + "/access?email=x@y.z";
    Http.Answer answer = http.get(access, Http.bearer(key));
    assertEquals(200, answer.status(), answer.body());

    browser.navigate().refresh();
    assertTrue(browser.findElements(By.id("new-secret")).isEmpty(), "gone after a reload");
    assertFalse(browser.getPageSource().contains(key));
    assertTrue(text().contains("shown once and cannot be shown again"), text());
    WebElement row =
        browser.findElement(By.cssSelector("#app-key-list tr[data-prefix='" + prefix(key) + "']"));
    assertTrue(row.getText().contains("Billing app"), row.getText());
    assertTrue(row.getText().contains("Active"), row.getText());
    assertFalse(row.getText().contains("never"), "last used: " + row.getText());
    File card = browser.findElement(By.id("app-keys")).getScreenshotAs(OutputType.FILE);
    Files.copy(
        card.toPath(), screenshots.resolve("16-app-keys.png"), StandardCopyOption.REPLACE_EXISTING);

    press(row.findElement(By.cssSelector("a.revoke")));
    assertTrue(text().contains("Revoke application key " + prefix(key)), text());
    assertEquals(200, http.get(access, Http.bearer(key)).status(), "not before confirming");
    press(By.id("app-key-revoke:confirm"));
    assertTrue(text().contains("Application key revoked."), text());
    assertEquals(401, http.get(access, Http.bearer(key)).status());
    assertEquals(
        "revoked",
        browser
            .findElement(By.cssSelector("#app-key-list tr[data-prefix='" + prefix(key) + "']"))
            .getAttribute("data-status"));
  }

  // --- CSRF and errors

  @Test
  void aPostWithoutTheCsrfTokenIsRejected() {
    signIn();
    String cookie = sessionCookies();
    String page = browser.getPageSource();
    String viewState = field(page, "jakarta.faces.ViewState");
    String csrf = field(page, "rollcall_csrf");
    String name = unique("Forged");
    String form =
        "create=create&create%3Aname="
            + name
            + "&create%3Asubmit=Create+tenant"
            + "&jakarta.faces.ViewState="
            + URLEncoder.encode(viewState, StandardCharsets.UTF_8);

    Http.Answer missing = postForm("console/tenants.xhtml", form, cookie);
    assertEquals(403, missing.status());
    assertTrue(missing.header("Content-Type").startsWith("text/html"));
    assertTrue(missing.body().contains("This form was refused"), missing.body());
    Http.Answer wrong =
        postForm(
            "console/tenants.xhtml", form + "&rollcall_csrf=" + csrf.substring(1) + "x", cookie);
    assertEquals(403, wrong.status());
    assertFalse(tenantExists(name), "neither request created anything");

    Http.Answer withToken =
        postForm("console/tenants.xhtml", form + "&rollcall_csrf=" + csrf, cookie);
    assertEquals(302, withToken.status(), "the same request with the token goes through");
    assertTrue(tenantExists(name));
  }

  @Test
  void consoleErrorsAreFriendlyPagesAndApiErrorsStayJson() {
    signIn();
    String cookie = sessionCookies();
    Http.Answer unknownTenant =
        http().get("console/tenant.xhtml?id=" + UUID.randomUUID(), null, "Cookie", cookie);
    assertEquals(404, unknownTenant.status());
    assertTrue(unknownTenant.header("Content-Type").startsWith("text/html"));
    assertTrue(unknownTenant.body().contains("Nothing here"));
    Http.Answer noPage = http().get("console/no-such-page.xhtml", null, "Cookie", cookie);
    assertEquals(404, noPage.status());
    assertTrue(noPage.header("Content-Type").startsWith("text/html"));

    Http.Answer api = http().get("api/admin/no-such-thing", Http.admin());
    assertEquals(404, api.status());
    assertTrue(api.header("Content-Type").startsWith("application/json"));
    Http.Answer scim = http().get("scim/v2/NoSuchEndpoint", null);
    assertTrue(scim.header("Content-Type").startsWith("application/scim+json"));

    open("console/tenant.xhtml?id=" + UUID.randomUUID());
    assertTrue(text().contains("Nothing here"));
  }

  // --- Helpers

  private static Http.Answer scim(
      Http http, String method, String path, String token, String body) {
    return http.send(method, "scim/v2/" + path, Http.bearer(token), "application/scim+json", body);
  }

  private static String userJson(
      String email, String given, String family, String title, String department) {
    return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
        + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\","
        + "\"urn:ietf:params:scim:schemas:extension:rollcall:2.0:User\"],"
        + "\"userName\":\""
        + email
        + "\",\"name\":{\"givenName\":\""
        + given
        + "\",\"familyName\":\""
        + family
        + "\"},"
        + "\"displayName\":\""
        + given
        + " "
        + family
        + "\",\"title\":\""
        + title
        + "\",\"active\":true,"
        + "\"emails\":[{\"value\":\""
        + email
        + "\",\"type\":\"work\",\"primary\":true}],"
        + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\""
        + department
        + "\",\"employeeNumber\":\""
        + family.length()
        + "\"},"
        + "\"urn:ietf:params:scim:schemas:extension:rollcall:2.0:User\":{\"customField1\":\"Desk "
        + given
        + "\"}}";
  }

  /** Provisions a user through the SCIM API and returns its id. */
  private static String scimUser(
      Http http,
      String token,
      String email,
      String given,
      String family,
      String title,
      String department) {
    Http.Answer created =
        scim(http, "POST", "Users", token, userJson(email, given, family, title, department));
    assertEquals(201, created.status(), created.body());
    return created.json().getString("id");
  }

  private static JsonArray auditEntries(Http http, String tenant, String query) {
    Http.Answer answer =
        http.get("api/admin/tenants/" + tenant + "/audit?limit=500" + query, Http.admin());
    assertEquals(200, answer.status(), answer.body());
    return answer.json().getJsonArray("entries");
  }

  private Http http() {
    return new Http(base);
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private void open(String path) {
    browser.get(base.toString().replaceAll("/$", "") + "/" + path);
  }

  private static String text() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private static void type(By field, String value) {
    WebElement input = browser.findElement(field);
    input.clear();
    input.sendKeys(value);
  }

  private void submitSignIn(String username, String password) {
    open("console/login.xhtml");
    type(By.id("signin:username"), username);
    type(By.id("signin:password"), password);
    press(By.id("signin:submit"));
  }

  private void signIn() {
    submitSignIn(ADMIN, Http.ADMIN_PASSWORD);
    assertTrue(
        browser.getCurrentUrl().endsWith("/console/tenants.xhtml"),
        "signed in: " + browser.getCurrentUrl() + " " + text());
  }

  private static String sessionCookie() {
    return browser.manage().getCookieNamed("JSESSIONID").getValue();
  }

  /** The browser's session cookies as it sends them: the id and the container's version cookie. */
  private static String sessionCookies() {
    Cookie version = browser.manage().getCookieNamed("JSESSIONIDVERSION");
    return "JSESSIONID="
        + sessionCookie()
        + (version == null ? "" : "; JSESSIONIDVERSION=" + version.getValue());
  }

  /** Mints a token on the open tenant page and returns the secret the page shows. */
  private static String mintToken(String description, String expiryDays) {
    type(By.id("mint:description"), description);
    type(By.id("mint:expiry"), expiryDays);
    press(By.id("mint:submit"));
    return browser.findElement(By.id("new-secret")).getAttribute("value");
  }

  private static WebElement tokenRow(String secret) {
    return browser.findElement(By.cssSelector("tr[data-prefix='" + prefix(secret) + "']"));
  }

  private static String prefix(String secret) {
    return secret.substring(0, 12);
  }

  private static void assertRedirectsToSignIn(Http.Answer answer) {
    assertEquals(302, answer.status(), answer.body());
    assertTrue(
        answer.header("Location").endsWith("/console/login.xhtml"), answer.header("Location"));
  }

  private Http.Answer rotate(String tenant, String tokenId, String body) {
    return http()
        .postJson(
            "api/admin/tenants/" + tenant + "/tokens/" + tokenId + "/rotate", Http.admin(), body);
  }

  private Http.Answer postForm(String path, String body, String cookie) {
    return http()
        .send("POST", path, null, "application/x-www-form-urlencoded", body, "Cookie", cookie);
  }

  private boolean tenantExists(String name) {
    return http().get("api/admin/tenants", Http.admin()).array().stream()
        .anyMatch(t -> t.asJsonObject().getString("name").equals(name));
  }

  private static String field(String page, String name) {
    Matcher m =
        Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]+)\"")
            .matcher(page);
    assertTrue(m.find(), "the page has a " + name + " field");
    return m.group(1);
  }

  private static boolean overflowsSideways() {
    Object wider =
        ((JavascriptExecutor) browser)
            .executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
    return Boolean.TRUE.equals(wider);
  }

  /** The elements that stick out to the right of the window, for a failure message. */
  private static String tooWide() {
    return String.valueOf(
        browser.executeScript(
            "return Array.from(document.querySelectorAll('body *'))"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                + ".slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className).join(', ');"));
  }

  /** Saves the whole page (not only the window) as a PNG named after the step. */
  private static void shoot(String name) {
    Dimension window = browser.manage().window().getSize();
    JavascriptExecutor js = browser;
    js.executeScript("window.scrollTo(0, 0);");
    long page =
        ((Number) js.executeScript("return document.documentElement.scrollHeight;")).longValue();
    long chrome =
        window.getHeight() - ((Number) js.executeScript("return window.innerHeight;")).longValue();
    browser
        .manage()
        .window()
        .setSize(
            new Dimension(window.getWidth(), (int) Math.max(window.getHeight(), page + chrome)));
    try {
      File png = browser.getScreenshotAs(OutputType.FILE);
      Files.copy(
          png.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException("screenshot " + name + " not saved", e);
    } finally {
      browser.manage().window().setSize(window);
    }
  }

  /** Clicks a button or link that loads a new page, and waits until that page has loaded. */
  private static void press(By target) {
    press(browser.findElement(target));
  }

  private static void press(WebElement target) {
    WebElement page = browser.findElement(By.tagName("html"));
    target.click();
    until(() -> isGone(page) && isLoaded(), "the next page");
  }

  private static boolean isLoaded() {
    try {
      return "complete".equals(browser.executeScript("return document.readyState"));
    } catch (WebDriverException e) {
      return false;
    }
  }

  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (WebDriverException e) {
      // Usually StaleElementReferenceException; Chromium may also report a node "that does not
      // belong to the document" while the old page is being replaced.
      return true;
    }
  }

  private static void until(BooleanSupplier condition, String what) {
    Instant deadline = Instant.now().plusSeconds(20);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }
}
