package io.rollcall.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.connection.ConnectionVerdict.Finding;
import io.rollcall.connection.ConnectionVerdict.State;
import io.rollcall.tenant.IdpProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectionCheckTest {

  static final String BASE = "https://rollcall.example.com/scim/v2";
  static final Instant NOW = Instant.parse("2026-11-30T10:05:00Z");
  static final String OKTA = "Okta SCIM Client 1.0.0";
  static final String ENTRA = "Microsoft Azure AD SCIM provisioning 1.0";

  /** Requests in the order they were made; {@link #newestFirst()} turns them around. */
  static final class Log {
    private final List<ScimCall> calls = new ArrayList<>();
    private Instant at = Instant.parse("2026-11-30T10:00:00Z");
    private String agent;

    static Log from(String agent) {
      Log log = new Log();
      log.agent = agent;
      return log;
    }

    Log at(String time) {
      at = Instant.parse("2026-11-30T" + time + "Z");
      return this;
    }

    Log call(String method, String path, String filter, String params, int status, String code) {
      calls.add(new ScimCall(at, method, path, filter, params, status, code, agent));
      at = at.plusSeconds(1);
      return this;
    }

    Log ok(String method, String path) {
      return call(method, path, null, null, method.equals("POST") ? 201 : 200, null);
    }

    Log fail(String method, String path, int status, String code) {
      return call(method, path, null, null, status, code);
    }

    List<ScimCall> newestFirst() {
      List<ScimCall> reversed = new ArrayList<>(calls);
      Collections.reverse(reversed);
      return reversed;
    }
  }

  static ConnectionVerdict assess(Log log) {
    return assess(log, false);
  }

  static ConnectionVerdict assess(Log log, boolean accessOnly) {
    return ConnectionCheck.assess(
        log.newestFirst(),
        new ConnectionCheck.Setup(BASE, accessOnly, NOW.minusSeconds(86_400), NOW, 0, null));
  }

  @Test
  void noRequestsIsNothingYetAndSaysWhereToPointTheIdentityProvider() {
    ConnectionVerdict verdict = assess(new Log());
    assertEquals(State.NOTHING_YET, verdict.state());
    assertTrue(verdict.summary().contains(BASE), verdict.summary());
    assertNull(verdict.lastContact());
  }

  @Test
  void anIdentityProviderThatStoppedCallingIsToldApartFromOneThatNeverCalled() {
    ConnectionVerdict verdict =
        ConnectionCheck.assess(
            List.of(),
            new ConnectionCheck.Setup(
                BASE, false, NOW.minusSeconds(86_400), NOW, 0, NOW.minusSeconds(3 * 86_400)));
    assertEquals(State.NOTHING_YET, verdict.state());
    assertEquals(NOW.minusSeconds(3 * 86_400), verdict.lastContact());
    assertTrue(verdict.summary().contains("last reached Rollcall 3 days ago"), verdict.summary());
  }

  @Test
  void oktaConnectionTestImportsAndAUniquenessErrorMakeTheIssuesSentence() {
    Log log =
        Log.from(OKTA)
            .at("10:01:00")
            .call("GET", "/Users", null, "startIndex=1&count=2", 200, null)
            .call("GET", "/Groups", null, "startIndex=1&count=100", 200, null)
            .call(
                "GET",
                "/Users",
                "userName eq \"bob@acme.com\"",
                "startIndex=1&count=100",
                200,
                null)
            .ok("POST", "/Users")
            .at("10:02:10")
            .call(
                "GET",
                "/Users",
                "userName eq \"ann@acme.com\"",
                "startIndex=1&count=100",
                200,
                null)
            .fail("POST", "/Users", 409, "uniqueness")
            .at("10:02:30")
            .ok("PATCH", "/Users/u1");

    ConnectionVerdict verdict = assess(log);

    assertEquals(State.ATTENTION, verdict.state());
    assertEquals("Okta", verdict.identityProvider());
    assertEquals(IdentityProvider.Evidence.USER_AGENT, verdict.identifiedBy());
    assertTrue(verdict.connectionTest().passed());
    assertEquals(
        "Okta reached Rollcall 2 minutes ago: connection test OK, 1 user created, 1 user update,"
            + " last error: 409 uniqueness for ann@… at 10:02 UTC.",
        verdict.summary());
    assertEquals(Problem.UNIQUENESS, verdict.lastError().problem());
    assertEquals(1, verdict.counts().failed());
    assertEquals(7, verdict.counts().requests());
  }

  @Test
  void aFailedConnectionTestIsReportedWithItsStatus() {
    Log log =
        Log.from(OKTA)
            .call("GET", "/Users", null, "startIndex=1&count=2", 500, null)
            .ok("GET", "/ServiceProviderConfig");
    ConnectionVerdict verdict = assess(log);
    assertFalse(verdict.connectionTest().passed());
    assertTrue(verdict.summary().contains("connection test failed (500)"), verdict.summary());
  }

  @Test
  void entraIdsTestConnectionIsALookUpOfARandomId() {
    Log log =
        Log.from(null)
            .call(
                "GET",
                "/Users",
                "userName eq \"8c4f1e2a-0b7d-4c55-9b1e-3a2f6d7e8f90\"",
                "aadOptscim062020",
                200,
                null);
    ConnectionVerdict verdict = assess(log);
    assertEquals("Microsoft Entra ID", verdict.identityProvider());
    assertEquals(IdentityProvider.Evidence.REQUEST_SHAPES, verdict.identifiedBy());
    assertTrue(verdict.connectionTest().passed());
    assertEquals(State.OK, verdict.state());
    assertTrue(verdict.summary().endsWith("connection test OK, no errors."), verdict.summary());
  }

  static Stream<Arguments> identities() {
    return Stream.of(
        Arguments.of("Okta's User-Agent", Log.from(OKTA).ok("GET", "/Users"), "Okta"),
        Arguments.of(
            "Entra ID's User-Agent", Log.from(ENTRA).ok("GET", "/Users"), "Microsoft Entra ID"),
        Arguments.of(
            "Entra ID's flag on the query",
            Log.from("Java/17").call("GET", "/Users", null, "aadOptscim062020", 200, null),
            "Microsoft Entra ID"),
        Arguments.of(
            "Entra ID's group look-up without members",
            Log.from(null)
                .call(
                    "GET",
                    "/Groups",
                    "displayName eq \"Sales\"",
                    "excludedAttributes=members",
                    200,
                    null),
            "Microsoft Entra ID"),
        Arguments.of(
            "Entra ID's work-email filter",
            Log.from(null)
                .call(
                    "GET",
                    "/Users",
                    "emails[type eq \"work\"].value eq \"a@b.c\"",
                    null,
                    200,
                    null),
            "Microsoft Entra ID"),
        Arguments.of(
            "Okta's connection test without a User-Agent",
            Log.from(null).call("GET", "/Users", null, "startIndex=1&count=2", 200, null),
            "Okta"),
        Arguments.of(
            "the User-Agent wins over shapes",
            Log.from(OKTA).call("GET", "/Users", null, "aadOptscim062020", 200, null),
            "Okta"),
        Arguments.of(
            "Google Workspace",
            Log.from("Google-SCIM/1.0").ok("GET", "/Users"),
            "Google Workspace"),
        Arguments.of("nothing to tell", Log.from("curl/8.5.0").ok("GET", "/Users"), "Unknown"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identities")
  void identifiesTheProvider(String name, Log log, String expected) {
    assertEquals(expected, assess(log).identityProvider());
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(
            "revoked token",
            Log.from(OKTA).fail("GET", "/Users", 401, "token_revoked"),
            Problem.TOKEN_REVOKED,
            "Create a new token"),
        Arguments.of(
            "expired token",
            Log.from(OKTA).fail("GET", "/Users", 401, "token_expired"),
            Problem.TOKEN_EXPIRED,
            "has expired"),
        Arguments.of(
            "revoked, as the security log spells it",
            Log.from(OKTA).fail("GET", "/Users", 401, "revoked"),
            Problem.TOKEN_REVOKED,
            "was revoked"),
        Arguments.of(
            "expired, as the security log spells it",
            Log.from(OKTA).fail("GET", "/Users", 401, "expired"),
            Problem.TOKEN_EXPIRED,
            "has expired"),
        Arguments.of(
            "disabled tenant",
            Log.from(OKTA).fail("PATCH", "/Users/u1", 401, "tenant_disabled"),
            Problem.TENANT_DISABLED,
            "Enable it in Settings"),
        Arguments.of(
            "a 401 without a reason",
            Log.from(OKTA).fail("GET", "/Users", 401, null),
            Problem.TOKEN_REFUSED,
            "Authorization: Bearer"),
        Arguments.of(
            "base URL given twice",
            Log.from(OKTA).fail("GET", "/scim/v2/Users", 404, null),
            Problem.WRONG_BASE_URL,
            "it called GET "
                + BASE
                + "/scim/v2/Users, which is not a SCIM endpoint. Set its SCIM"
                + " base URL (Okta: \"SCIM connector base URL\"; Entra ID: \"Tenant URL\") to"
                + " exactly "
                + BASE),
        Arguments.of(
            "base URL ending in /Users",
            Log.from(OKTA).fail("GET", "/Users/Users", 404, null),
            Problem.WRONG_BASE_URL,
            "to exactly " + BASE),
        Arguments.of(
            "a user deleted here",
            Log.from(OKTA).fail("PATCH", "/Users/2819c223", 404, null),
            Problem.UNKNOWN_RESOURCE,
            "Unassign and reassign"),
        Arguments.of(
            "an unquoted filter value",
            Log.from(OKTA)
                .call("GET", "/Users", "userName eq ann@acme.com", null, 400, "invalidFilter"),
            Problem.UNQUOTED_FILTER,
            "bare value (ann@acme.com)"),
        Arguments.of(
            "a quoted filter Rollcall cannot run",
            Log.from(OKTA)
                .call("GET", "/Users", "title pr and (x eq \"y\"", null, 400, "invalidFilter"),
            Problem.INVALID_FILTER,
            "could not run the filter"),
        Arguments.of(
            "a filter on an attribute the schema lacks",
            Log.from(ENTRA)
                .call("GET", "/Users", "employeeId eq \"7\"", null, 400, "unknown_attribute"),
            Problem.UNKNOWN_ATTRIBUTE,
            "filters on an attribute"),
        Arguments.of(
            "a create with an attribute the schema lacks",
            Log.from(ENTRA).fail("POST", "/Users", 400, "unknown_attribute"),
            Problem.UNKNOWN_ATTRIBUTE,
            "Remove that mapping in Microsoft Entra ID"),
        Arguments.of(
            "a person without an account",
            Log.from(OKTA).fail("POST", "/Users", 400, "no_account"),
            Problem.NO_ACCOUNT,
            "account directory"),
        Arguments.of(
            "rate limited",
            Log.from(OKTA).fail("GET", "/Users", 429, null),
            Problem.RATE_LIMITED,
            "raise the tenant's rate limit"),
        Arguments.of(
            "overloaded",
            Log.from(OKTA).fail("POST", "/Users", 503, null),
            Problem.OVERLOADED,
            "more capacity"),
        Arguments.of(
            "a server fault",
            Log.from(OKTA).fail("POST", "/Users", 500, null),
            Problem.SERVER_ERROR,
            "correlation id"),
        Arguments.of(
            "anything else",
            Log.from(OKTA).fail("PATCH", "/Users/u1", 400, "mutability"),
            Problem.OTHER,
            "with 400 mutability"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void eachFailureHasItsProblemAndFix(String name, Log log, Problem problem, String inFix) {
    ConnectionVerdict verdict = assess(log, true);
    assertEquals(problem, verdict.lastError().problem());
    Finding finding = verdict.findings().get(0);
    assertEquals(problem, finding.problem());
    assertTrue(finding.fix().contains(inFix), finding.fix());
    assertEquals(
        problem.blocking() ? State.FAILING : State.ATTENTION, verdict.state(), verdict.summary());
  }

  @Test
  void aFailingVerdictSaysWhyInTheSentence() {
    ConnectionVerdict verdict =
        assess(Log.from(OKTA).ok("GET", "/Users").fail("GET", "/Users", 401, "token_revoked"));
    assertEquals(
        "Okta reached Rollcall 4 minutes ago, but Rollcall refuses its requests: 401: the token"
            + " was revoked.",
        verdict.summary());
  }

  @Test
  void anUnrecognisedProviderIsNamedAsSuchInSentences() {
    ConnectionVerdict verdict = assess(Log.from("curl/8.5.0").fail("GET", "/Users", 401, null));
    assertEquals("Unknown", verdict.identityProvider());
    assertTrue(verdict.summary().startsWith("The identity provider reached Rollcall"));
    assertTrue(
        verdict.findings().get(0).fix().startsWith("The identity provider sends a token"),
        verdict.findings().get(0).fix());
  }

  @Test
  void aRefusedTokenThatWasReplacedIsNoLongerFailing() {
    ConnectionVerdict verdict =
        assess(Log.from(OKTA).fail("GET", "/Users", 401, "token_expired").ok("GET", "/Users"));
    assertEquals(State.ATTENTION, verdict.state());
    assertEquals(Problem.TOKEN_EXPIRED, verdict.findings().get(0).problem());
  }

  @Test
  void findingsCountEachProblemWithBlockingOnesFirst() {
    Log log =
        Log.from(OKTA)
            .fail("POST", "/Users", 409, "uniqueness")
            .fail("GET", "/v2/Users", 404, null)
            .fail("POST", "/Users", 409, "uniqueness")
            .ok("GET", "/Users");
    List<Finding> findings = assess(log).findings();
    assertEquals(Problem.WRONG_BASE_URL, findings.get(0).problem());
    assertEquals(Problem.UNIQUENESS, findings.get(1).problem());
    assertEquals(2, findings.get(1).count());
    assertEquals("POST /Users → 409 uniqueness", findings.get(1).example());
  }

  @Test
  void countsUserAndGroupChanges() {
    Log log =
        Log.from(OKTA)
            .ok("POST", "/Users")
            .ok("POST", "/Users")
            .ok("PUT", "/Users/u1")
            .ok("PATCH", "/Users/u2")
            .call("DELETE", "/Users/u2", null, null, 204, null)
            .ok("POST", "/Groups")
            .ok("PATCH", "/Groups/g1")
            .ok("GET", "/Groups")
            .ok("POST", "/Users/.search");
    ConnectionVerdict verdict =
        ConnectionCheck.assess(
            log.newestFirst(),
            new ConnectionCheck.Setup(BASE, false, NOW.minusSeconds(86_400), NOW, 3, null));
    ConnectionVerdict.Counts counts = verdict.counts();
    assertEquals(2, counts.usersCreated());
    assertEquals(2, counts.usersUpdated());
    assertEquals(3, counts.usersDeactivated());
    assertEquals(1, counts.usersDeleted());
    assertEquals(2, counts.groupChanges());
    assertTrue(
        verdict.summary().contains("2 users created, 2 user updates, 3 users deactivated,"),
        verdict.summary());
  }

  @Test
  void unquotedValuesAreTellingApartFromLiterals() {
    assertEquals("ann@x.com", ConnectionCheck.unquotedValue("userName eq ann@x.com"));
    assertNull(ConnectionCheck.unquotedValue("active eq true and meta.version gt 3"));
    assertNull(ConnectionCheck.unquotedValue("userName eq \"ann@x.com\""));
    assertEquals("Sales", ConnectionCheck.unquotedValue("displayName eq \"A\" or title EQ Sales"));
  }

  @Test
  void aCreateIsAboutWhoeverWasLookedUpJustBefore() {
    Log log =
        Log.from(OKTA)
            .call("GET", "/Users", "userName eq \"carol@acme.com\"", null, 200, null)
            .at("10:04:00")
            .fail("POST", "/Users", 409, "uniqueness");
    assertNull(assess(log).lastError().subject(), "a look-up minutes earlier is someone else");
    assertEquals("ann@…", ConnectionCheck.shorten("ann@acme.com"));
    assertEquals("a-very-long-…", ConnectionCheck.shorten("a-very-long-user-name"));
  }

  @Test
  void ageReadsAsPeopleSayIt() {
    assertEquals("just now", ConnectionCheck.ago(NOW.minusSeconds(5), NOW));
    assertEquals("1 minute ago", ConnectionCheck.ago(NOW.minusSeconds(61), NOW));
    assertEquals("3 hours ago", ConnectionCheck.ago(NOW.minusSeconds(3 * 3600 + 5), NOW));
  }

  @Test
  void droppedAttributesAreReportedByNameWithoutMakingTheConnectionFail() {
    Instant first = Instant.parse("2026-11-30T10:00:00Z");
    Instant second = Instant.parse("2026-11-30T10:01:00Z");
    List<ScimCall> newestFirst =
        List.of(
            new ScimCall(
                second, "PATCH", "/Groups/g1", null, null, 204, null, ENTRA, "members.displayName"),
            new ScimCall(
                first,
                "PUT",
                "/Users/u1",
                null,
                null,
                200,
                null,
                ENTRA,
                "nickNmae,members.displayName"));
    ConnectionVerdict verdict =
        ConnectionCheck.assess(
            newestFirst,
            new ConnectionCheck.Setup(BASE, false, NOW.minusSeconds(86_400), NOW, 0, null));
    assertEquals(State.OK, verdict.state());
    assertEquals(
        List.of(
            new ConnectionVerdict.DroppedAttribute(
                "members.displayName", 2, second, "PATCH /Groups/g1"),
            new ConnectionVerdict.DroppedAttribute("nickNmae", 1, first, "PUT /Users/u1")),
        verdict.droppedAttributes());
    assertTrue(assess(Log.from(OKTA).ok("GET", "/Users")).droppedAttributes().isEmpty());
  }

  static ConnectionVerdict assess(Log log, IdentityProvider chosen) {
    return ConnectionCheck.assess(
        log.newestFirst(),
        new ConnectionCheck.Setup(BASE, false, NOW.minusSeconds(86_400), NOW, 0, null, chosen));
  }

  static List<Finding> mismatches(ConnectionVerdict verdict) {
    return verdict.findings().stream()
        .filter(f -> f.problem() == Problem.PROFILE_MISMATCH)
        .toList();
  }

  @Test
  void requestsThatDoNotSayWhoSentThemAreNamedByTheTenantsSetting() {
    Log log =
        Log.from(null)
            .call("GET", "/Users", "userName eq \"ada@acme.example\"", null, 200, null)
            .ok("POST", "/Users")
            .at("10:03:00")
            .fail("PUT", "/Users/u1", 401, "token_revoked");

    ConnectionVerdict verdict = assess(log, IdentityProvider.ONELOGIN);

    assertEquals("OneLogin", verdict.identityProvider());
    assertEquals(IdentityProvider.Evidence.TENANT_SETTING, verdict.identifiedBy());
    assertTrue(verdict.summary().startsWith("OneLogin reached Rollcall"), verdict.summary());
    assertTrue(
        verdict.findings().get(0).fix().startsWith("The token OneLogin uses was revoked."),
        verdict.findings().get(0).fix());
    assertTrue(mismatches(verdict).isEmpty(), "the requests contradict nothing");

    ConnectionVerdict unset = assess(log, IdentityProvider.UNKNOWN);
    assertEquals("Unknown", unset.identityProvider());
    assertEquals(IdentityProvider.Evidence.NONE, unset.identifiedBy());
  }

  @Test
  void beforeAnyRequestTheSetupSentenceNamesTheTenantsProvider() {
    ConnectionVerdict verdict = assess(new Log(), IdentityProvider.JUMPCLOUD);
    assertEquals(State.NOTHING_YET, verdict.state());
    assertEquals("JumpCloud", verdict.identityProvider());
    assertEquals(IdentityProvider.Evidence.TENANT_SETTING, verdict.identifiedBy());
    assertTrue(
        verdict.summary().startsWith("No SCIM request has reached Rollcall yet. Give JumpCloud"),
        verdict.summary());
    ConnectionVerdict quiet =
        ConnectionCheck.assess(
            List.of(),
            new ConnectionCheck.Setup(
                BASE,
                false,
                NOW.minusSeconds(86_400),
                NOW,
                0,
                NOW.minusSeconds(2 * 86_400),
                IdentityProvider.JUMPCLOUD));
    assertTrue(
        quiet.summary().contains("JumpCloud last reached Rollcall 2 days ago"), quiet.summary());
  }

  @Test
  void requestsFromAnotherProviderThanTheSettingsNameAreAFindingWithTheFix() {
    Log log =
        Log.from(ENTRA)
            .call("GET", "/Users", "userName eq \"ann@acme.com\"", null, 200, null)
            .ok("POST", "/Users")
            .ok("PATCH", "/Users/u1");

    ConnectionVerdict verdict = assess(log, IdentityProvider.OKTA);

    assertEquals("Microsoft Entra ID", verdict.identityProvider(), "the requests win");
    assertEquals(IdentityProvider.Evidence.USER_AGENT, verdict.identifiedBy());
    assertEquals(State.OK, verdict.state(), "no request failed");
    Finding mismatch = mismatches(verdict).get(0);
    assertFalse(mismatch.blocking());
    assertEquals(3, mismatch.count());
    assertEquals("User-Agent: " + ENTRA, mismatch.example());
    assertEquals(
        "This tenant is set to Okta but the requests come from Microsoft Entra ID: change the"
            + " identity provider in Settings (Provisioning → Identity provider) to Microsoft Entra"
            + " ID, or the Microsoft Entra ID tolerances do not apply and Rollcall refuses the"
            + " requests that need them.",
        mismatch.fix());
  }

  @Test
  void aProviderRecognisedByItsRequestShapesIsComparedWithTheSettingToo() {
    Log log =
        Log.from(null)
            .call("GET", "/Users", null, "aadOptscim062020", 200, null)
            .call("PATCH", "/Users/u1", null, "aadOptscim062020", 200, null)
            .ok("GET", "/Groups");

    ConnectionVerdict verdict = assess(log, IdentityProvider.ONELOGIN);

    assertEquals("Microsoft Entra ID", verdict.identityProvider());
    assertEquals(IdentityProvider.Evidence.REQUEST_SHAPES, verdict.identifiedBy());
    Finding mismatch = mismatches(verdict).get(0);
    assertEquals(2, mismatch.count());
    assertEquals("PATCH /Users/u1 aadOptscim062020", mismatch.example());
    assertTrue(
        mismatch.fix().startsWith("This tenant is set to OneLogin but the requests come from"),
        mismatch.fix());
  }

  @Test
  void noMismatchWhenTheSettingAgreesOrNamesNoProvider() {
    assertTrue(
        mismatches(assess(Log.from(OKTA).ok("GET", "/Users"), IdentityProvider.OKTA)).isEmpty());
    assertTrue(
        mismatches(assess(Log.from(ENTRA).ok("GET", "/Users"), IdentityProvider.UNKNOWN))
            .isEmpty());
  }

  /** {@code any} and {@code other} name no provider; every other profile names its own. */
  @ParameterizedTest
  @EnumSource(IdpProfile.class)
  void eachProfileNamesTheProviderItIsFor(IdpProfile profile) {
    IdentityProvider chosen = ConnectionService.chosen(profile);
    if (profile == IdpProfile.ANY || profile == IdpProfile.OTHER) {
      assertEquals(IdentityProvider.UNKNOWN, chosen);
    } else {
      assertEquals(profile.displayName(), chosen.displayName());
    }
  }
}
