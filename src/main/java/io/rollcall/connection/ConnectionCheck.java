package io.rollcall.connection;

import io.rollcall.connection.ConnectionVerdict.ConnectionTest;
import io.rollcall.connection.ConnectionVerdict.Counts;
import io.rollcall.connection.ConnectionVerdict.DroppedAttribute;
import io.rollcall.connection.ConnectionVerdict.Finding;
import io.rollcall.connection.ConnectionVerdict.LastError;
import io.rollcall.connection.ConnectionVerdict.State;
import io.rollcall.connection.IdentityProvider.Identification;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a tenant's recent SCIM requests into a {@link ConnectionVerdict}. Pure: the caller reads
 * the audit log (newest first) and says what the tenant's setup is.
 */
public final class ConnectionCheck {

  /**
   * What the check needs to know besides the requests.
   *
   * @param earlierContact the newest request before {@code since}, when none came after it; else
   *     null
   * @param chosen the identity provider the tenant's settings name; {@link
   *     IdentityProvider#UNKNOWN} when they name none (profiles {@code any} and {@code other})
   */
  public record Setup(
      String scimBaseUrl,
      boolean accessOnly,
      Instant since,
      Instant now,
      int usersDeactivated,
      Instant earlierContact,
      IdentityProvider chosen) {

    public Setup {
      chosen = chosen == null ? IdentityProvider.UNKNOWN : chosen;
    }

    /** A tenant whose settings name no identity provider. */
    public Setup(
        String scimBaseUrl,
        boolean accessOnly,
        Instant since,
        Instant now,
        int usersDeactivated,
        Instant earlierContact) {
      this(
          scimBaseUrl,
          accessOnly,
          since,
          now,
          usersDeactivated,
          earlierContact,
          IdentityProvider.UNKNOWN);
    }
  }

  /** The SCIM endpoints: a 404 anywhere else means the identity provider has the wrong base URL. */
  static final Set<String> ENDPOINTS =
      Set.of(
          "Users",
          "Groups",
          "Me",
          "Bulk",
          "ServiceProviderConfig",
          "Schemas",
          "ResourceTypes",
          ".search");

  private static final Set<String> COLLECTIONS = Set.of("Users", "Groups");

  /** An operator followed by a bare word: {@code userName eq ann@example.com}. */
  private static final Pattern UNQUOTED_VALUE =
      Pattern.compile("(?i)\\b(eq|ne|co|sw|ew|gt|ge|lt|le)\\s+([^\\s\"()\\]]+)");

  private static final Pattern LOOKED_UP_USER_NAME =
      Pattern.compile("(?i)^userName eq \"([^\"]*)\"$");

  /** How long before a failed create the identity provider's look-up of the same person counts. */
  private static final Duration LOOKUP_BEFORE_CREATE = Duration.ofMinutes(2);

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ConnectionCheck() {}

  public static ConnectionVerdict assess(List<ScimCall> newestFirst, Setup setup) {
    if (newestFirst.isEmpty()) {
      IdentityProvider chosen = setup.chosen();
      return new ConnectionVerdict(
          State.NOTHING_YET,
          setup.earlierContact() == null
              ? "No SCIM request has reached Rollcall yet. Give "
                  + chosen.inSentence()
                  + " the SCIM base URL "
                  + setup.scimBaseUrl()
                  + " and a token of this tenant, then run its connection test."
              : "No SCIM request in the last 24 hours; "
                  + chosen.inSentence()
                  + " last reached Rollcall "
                  + ago(setup.earlierContact(), setup.now())
                  + ". If it should be provisioning, check that its provisioning is switched on"
                  + " and run its connection test.",
          chosen.displayName(),
          chosen == IdentityProvider.UNKNOWN
              ? IdentityProvider.Evidence.NONE
              : IdentityProvider.Evidence.TENANT_SETTING,
          null,
          setup.earlierContact(),
          null,
          new Counts(0, 0, 0, 0, setup.usersDeactivated(), 0, 0),
          null,
          List.of(),
          List.of(),
          setup.scimBaseUrl(),
          setup.since());
    }
    Identification who = identify(newestFirst, setup.chosen());
    String name = who.provider().inSentence();
    ScimCall newest = newestFirst.get(0);
    ConnectionTest test = connectionTest(newestFirst);
    Counts counts = counts(newestFirst, setup.usersDeactivated());
    LastError lastError = lastError(newestFirst);
    List<Finding> findings = findings(newestFirst, setup, who);

    State state;
    if (!newest.succeeded() && classify(newest).blocking()) {
      state = State.FAILING;
    } else if (counts.failed() > 0) {
      state = State.ATTENTION;
    } else {
      state = State.OK;
    }
    String summary = summary(state, name, newest, setup.now(), test, counts, lastError);
    return new ConnectionVerdict(
        state,
        summary,
        who.provider().displayName(),
        who.evidence(),
        who.userAgent(),
        newest.at(),
        test,
        counts,
        lastError,
        findings,
        droppedAttributes(newestFirst),
        setup.scimBaseUrl(),
        setup.since());
  }

  /**
   * The provider the requests show; when they show none, the one the tenant's settings name (so the
   * verdict and its fixes say "OneLogin", not "the identity provider").
   */
  static Identification identify(List<ScimCall> newestFirst, IdentityProvider chosen) {
    Identification seen = IdentityProvider.identify(newestFirst);
    if (seen.provider() == IdentityProvider.UNKNOWN && chosen != IdentityProvider.UNKNOWN) {
      return new Identification(chosen, IdentityProvider.Evidence.TENANT_SETTING, seen.userAgent());
    }
    return seen;
  }

  /**
   * When the requests show one provider and the tenant's settings name another: how many requests
   * showed it, the newest of them and what gave it away. Empty when they agree, or either is
   * silent.
   */
  static Optional<Finding> profileMismatch(
      List<ScimCall> newestFirst, Setup setup, Identification who) {
    IdentityProvider chosen = setup.chosen();
    boolean seen =
        who.evidence() == IdentityProvider.Evidence.USER_AGENT
            || who.evidence() == IdentityProvider.Evidence.REQUEST_SHAPES;
    if (!seen || chosen == IdentityProvider.UNKNOWN || chosen == who.provider()) {
      return Optional.empty();
    }
    List<ScimCall> showing =
        newestFirst.stream()
            .filter(
                call ->
                    who.evidence() == IdentityProvider.Evidence.USER_AGENT
                        ? IdentityProvider.fromUserAgent(call.userAgent()) == who.provider()
                        : IdentityProvider.fromShape(call) == who.provider())
            .toList();
    ScimCall last = showing.get(0);
    String example =
        who.evidence() == IdentityProvider.Evidence.USER_AGENT
            ? "User-Agent: " + last.userAgent()
            : last.method()
                + " "
                + last.path()
                + (last.filter() == null ? "" : " filter=" + last.filter())
                + (last.queryParams() == null ? "" : " " + last.queryParams());
    Problem problem = Problem.PROFILE_MISMATCH;
    return Optional.of(
        new Finding(
            problem,
            problem.label(),
            problem.blocking(),
            showing.size(),
            last.at(),
            example,
            fix(problem, last, setup, who.provider().inSentence())));
  }

  /** Which problem a failed request shows. */
  static Problem classify(ScimCall call) {
    int status = call.status();
    String code = call.code() == null ? "" : call.code();
    if (status == 401) {
      return switch (code) {
        // The security log's refusal reasons spell them without the prefix.
        case "token_revoked", "revoked" -> Problem.TOKEN_REVOKED;
        case "token_expired", "expired" -> Problem.TOKEN_EXPIRED;
        case "tenant_disabled" -> Problem.TENANT_DISABLED;
        default -> Problem.TOKEN_REFUSED;
      };
    }
    if (status == 404) {
      return wrongBaseUrl(call) ? Problem.WRONG_BASE_URL : Problem.UNKNOWN_RESOURCE;
    }
    if (code.equals("unknown_attribute")) {
      return Problem.UNKNOWN_ATTRIBUTE;
    }
    if (code.equals("no_account")) {
      return Problem.NO_ACCOUNT;
    }
    if (code.equals("invalidFilter")) {
      return unquotedValue(call.filter()) == null
          ? Problem.INVALID_FILTER
          : Problem.UNQUOTED_FILTER;
    }
    if (status == 409 && code.equals("uniqueness")) {
      return Problem.UNIQUENESS;
    }
    if (status == 429) {
      return Problem.RATE_LIMITED;
    }
    if (status == 503) {
      return Problem.OVERLOADED;
    }
    if (status >= 500) {
      return Problem.SERVER_ERROR;
    }
    return Problem.OTHER;
  }

  /**
   * A path under the SCIM base that is no endpoint ({@code /scim/v2/Users}: the base URL was given
   * twice; {@code /v2/Users}), or a collection inside a collection ({@code /Users/Users}: the base
   * URL ends in {@code /Users}).
   */
  static boolean wrongBaseUrl(ScimCall call) {
    if (!ENDPOINTS.contains(call.endpoint())) {
      return true;
    }
    String[] segments = call.path().split("/");
    return segments.length >= 3 && COLLECTIONS.contains(segments[2]);
  }

  /** The first bare (unquoted, non-literal) value in a filter, or null. */
  static String unquotedValue(String filter) {
    if (filter == null) {
      return null;
    }
    Matcher m = UNQUOTED_VALUE.matcher(filter);
    while (m.find()) {
      String value = m.group(2);
      boolean literal =
          value.equalsIgnoreCase("true")
              || value.equalsIgnoreCase("false")
              || value.equalsIgnoreCase("null")
              || value.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
      if (!literal) {
        return value;
      }
    }
    return null;
  }

  private static ConnectionTest connectionTest(List<ScimCall> newestFirst) {
    for (ScimCall call : newestFirst) {
      if (IdentityProvider.isOktaTest(call)) {
        return new ConnectionTest(
            call.at(), call.status(), call.succeeded(), "GET /Users?startIndex=1&count=2");
      }
      if (IdentityProvider.isEntraTest(call)) {
        return new ConnectionTest(
            call.at(),
            call.status(),
            call.succeeded(),
            "GET /Users?filter=userName eq \"<random id>\"");
      }
    }
    return null;
  }

  private static Counts counts(List<ScimCall> calls, int deactivated) {
    int failed = 0;
    int created = 0;
    int updated = 0;
    int deleted = 0;
    int groups = 0;
    for (ScimCall call : calls) {
      if (!call.succeeded()) {
        failed++;
        continue;
      }
      String endpoint = call.endpoint();
      String method = call.method();
      if (endpoint.equals("Users")) {
        if (method.equals("POST") && call.path().equals("/Users")) {
          created++;
        } else if ((method.equals("PUT") || method.equals("PATCH")) && call.namesOneResource()) {
          updated++;
        } else if (method.equals("DELETE") && call.namesOneResource()) {
          deleted++;
        }
      } else if (endpoint.equals("Groups") && !method.equals("GET")) {
        if (!call.path().startsWith("/Groups/.search")) {
          groups++;
        }
      }
    }
    return new Counts(calls.size(), failed, created, updated, deactivated, deleted, groups);
  }

  private static LastError lastError(List<ScimCall> newestFirst) {
    for (int i = 0; i < newestFirst.size(); i++) {
      ScimCall call = newestFirst.get(i);
      if (!call.succeeded()) {
        return new LastError(
            call.at(),
            call.method(),
            call.path(),
            call.status(),
            call.code(),
            classify(call),
            subject(newestFirst, i));
      }
    }
    return null;
  }

  /**
   * Who a failed create was about: identity providers look a person up by userName just before
   * creating them, and the look-up's filter names them. Shown shortened ({@code ann@…}).
   */
  static String subject(List<ScimCall> newestFirst, int failedIndex) {
    ScimCall failed = newestFirst.get(failedIndex);
    if (!failed.method().equals("POST") || !failed.path().equals("/Users")) {
      return null;
    }
    for (int i = failedIndex + 1; i < newestFirst.size(); i++) {
      ScimCall earlier = newestFirst.get(i);
      if (Duration.between(earlier.at(), failed.at()).compareTo(LOOKUP_BEFORE_CREATE) > 0) {
        return null;
      }
      if (earlier.method().equals("GET") && earlier.filter() != null) {
        Matcher m = LOOKED_UP_USER_NAME.matcher(earlier.filter().strip());
        if (m.matches()) {
          return shorten(m.group(1));
        }
      }
    }
    return null;
  }

  /** {@code ann@example.com} becomes {@code ann@…}: enough to recognise, not a whole address. */
  static String shorten(String userName) {
    int at = userName.indexOf('@');
    if (at > 0) {
      return userName.substring(0, Math.min(at, 40)) + "@…";
    }
    return userName.length() <= 12 ? userName : userName.substring(0, 12) + "…";
  }

  private static List<Finding> findings(
      List<ScimCall> newestFirst, Setup setup, Identification who) {
    String name = who.provider().inSentence();
    Map<Problem, List<ScimCall>> byProblem = new EnumMap<>(Problem.class);
    for (ScimCall call : newestFirst) {
      if (!call.succeeded()) {
        byProblem.computeIfAbsent(classify(call), p -> new ArrayList<>()).add(call);
      }
    }
    List<Finding> findings = new ArrayList<>();
    byProblem.forEach(
        (problem, calls) -> {
          ScimCall last = calls.get(0);
          findings.add(
              new Finding(
                  problem,
                  problem.label(),
                  problem.blocking(),
                  calls.size(),
                  last.at(),
                  example(last),
                  fix(problem, last, setup, name)));
        });
    profileMismatch(newestFirst, setup, who).ifPresent(findings::add);
    findings.sort(
        Comparator.comparing((Finding f) -> !f.blocking())
            .thenComparing(Finding::lastAt, Comparator.reverseOrder()));
    return List.copyOf(findings);
  }

  /** The dropped attribute names of the window, most recently seen first. */
  static List<DroppedAttribute> droppedAttributes(List<ScimCall> newestFirst) {
    Map<String, DroppedAttribute> byName = new LinkedHashMap<>();
    for (ScimCall call : newestFirst) {
      if (call.droppedAttributes() == null || call.droppedAttributes().isBlank()) {
        continue;
      }
      for (String name : call.droppedAttributes().split(",")) {
        if (name.isBlank() || name.equals("…")) {
          continue;
        }
        DroppedAttribute seen = byName.get(name);
        byName.put(
            name,
            seen == null
                ? new DroppedAttribute(name, 1, call.at(), call.method() + " " + call.path())
                : new DroppedAttribute(name, seen.requests() + 1, seen.lastAt(), seen.example()));
      }
    }
    return List.copyOf(byName.values());
  }

  private static String example(ScimCall call) {
    StringBuilder text = new StringBuilder(call.method()).append(' ').append(call.path());
    if (call.filter() != null) {
      text.append(" filter=").append(call.filter());
    }
    text.append(" → ").append(call.status());
    if (call.code() != null) {
      text.append(' ').append(call.code());
    }
    return text.toString();
  }

  /**
   * The fix, in the words an IT admin uses, naming the provider (the one calling, or the one the
   * settings name when the requests do not say) and the tenant's values.
   */
  static String fix(Problem problem, ScimCall call, Setup setup, String name) {
    String base = setup.scimBaseUrl();
    return switch (problem) {
      case TOKEN_REVOKED ->
          "The token "
              + name
              + " uses was revoked. Create a new token on this page, paste it into "
              + name
              + "'s provisioning settings and run its connection test.";
      case TOKEN_EXPIRED ->
          "The token "
              + name
              + " uses has expired. Create a new token on this page (or rotate the next one before it"
              + " expires), paste it into "
              + name
              + " and run its connection test.";
      case TENANT_DISABLED ->
          "This tenant is disabled, so every token of it is refused. Enable it"
              + " in Settings; "
              + name
              + "'s token works again at once.";
      case TOKEN_REFUSED ->
          capitalized(name)
              + " sends a token Rollcall does not accept. Check that it sends the header"
              + " \"Authorization: Bearer <token>\" with a current token of this tenant; create a"
              + " new one if unsure.";
      case WRONG_BASE_URL ->
          capitalized(name)
              + " is set up with the wrong base URL: it called "
              + call.method()
              + " "
              + joined(base, call.path())
              + ", which is not a SCIM endpoint. Set its SCIM base URL (Okta: \"SCIM connector base"
              + " URL\"; Entra ID: \"Tenant URL\") to exactly "
              + base
              + " and run its connection test again.";
      case UNKNOWN_RESOURCE ->
          capitalized(name)
              + " refers to a user or group Rollcall does not have ("
              + call.path()
              + "), usually one deleted here. Unassign and reassign it in "
              + name
              + " so that it is created again.";
      case UNQUOTED_FILTER ->
          capitalized(name)
              + " sends a filter with a bare value ("
              + unquotedValue(call.filter())
              + "): SCIM needs text values in double quotes, as in userName eq \"ann@example.com\"."
              + " Check the attribute used for matching users in "
              + name
              + "'s mappings; a custom filter expression must quote its values.";
      case INVALID_FILTER ->
          "Rollcall could not run the filter \""
              + call.filter()
              + "\". Match users on userName, externalId or emails, and groups on displayName or"
              + " externalId, in "
              + name
              + "'s mappings.";
      case UNKNOWN_ATTRIBUTE ->
          call.method().equals("GET")
              ? capitalized(name)
                  + " filters on an attribute this tenant's schema does not have ("
                  + call.filter()
                  + "). Match on userName, externalId or emails in its mappings."
              : capitalized(name)
                  + " sends an attribute this tenant's schema does not have. Remove that mapping"
                  + " in "
                  + name
                  + ", or map it to an attribute of the tenant's custom extension (Settings). The"
                  + " audit log's entry names it in Rollcall's answer.";
      case NO_ACCOUNT ->
          setup.accessOnly()
              ? "This tenant is access-only: SCIM grants access to people who already have an"
                  + " account in the app and never creates them. Add the person to the account"
                  + " directory (Settings → Account directory) before "
                  + name
                  + " assigns them, or unassign them in "
                  + name
                  + "."
              : "The person has no account in the app's account directory. Add them there, or"
                  + " unassign them in "
                  + name
                  + ".";
      case UNIQUENESS ->
          capitalized(name)
              + " tried to create someone who already exists here under another id. Let "
              + name
              + " match existing users on userName (Okta: import users and confirm the matches;"
              + " Entra ID: matching attribute userName), or delete the stale user in Rollcall.";
      case RATE_LIMITED ->
          "Rollcall's rate limit refused some of "
              + name
              + "'s requests. It retries after the time Rollcall gives (Retry-After), so nothing is"
              + " lost, but provisioning slows down; if it keeps happening, raise the tenant's rate"
              + " limit in Settings.";
      case OVERLOADED ->
          "Rollcall was too busy to answer and told "
              + name
              + " to retry. Nothing needs changing in "
              + name
              + "; if it repeats, tell whoever runs Rollcall that it needs more capacity.";
      case SERVER_ERROR ->
          "A fault in Rollcall, not in "
              + name
              + "'s setup. Tell whoever runs Rollcall the time of the failure; the server log has"
              + " the details under the answer's correlation id.";
      case PROFILE_MISMATCH ->
          "This tenant is set to "
              + setup.chosen().displayName()
              + " but the requests come from "
              + name
              + ": change the identity provider in Settings (Provisioning → Identity provider) to "
              + name
              + ", or the "
              + name
              + " tolerances do not apply and Rollcall refuses the requests that need them.";
      case OTHER ->
          "Rollcall refused "
              + call.method()
              + " "
              + call.path()
              + " with "
              + call.status()
              + (call.code() == null ? "" : " " + call.code())
              + ". The audit log has the request; Rollcall's answer tells "
              + name
              + " why.";
    };
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String joined(String base, String path) {
    return base.endsWith("/") ? base + path.substring(1) : base + path;
  }

  private static String summary(
      State state,
      String name,
      ScimCall newest,
      Instant now,
      ConnectionTest test,
      Counts counts,
      LastError lastError) {
    StringBuilder text =
        new StringBuilder(capitalized(name))
            .append(" reached Rollcall ")
            .append(ago(newest.at(), now));
    if (state == State.FAILING) {
      return text.append(", but Rollcall refuses its requests: ")
          .append(lastError.problem().label())
          .append('.')
          .toString();
    }
    List<String> parts = new ArrayList<>();
    if (test != null) {
      parts.add(
          test.passed() ? "connection test OK" : "connection test failed (" + test.status() + ")");
    }
    addCount(parts, counts.usersCreated(), "user created", "users created");
    addCount(parts, counts.usersUpdated(), "user update", "user updates");
    addCount(parts, counts.usersDeactivated(), "user deactivated", "users deactivated");
    addCount(parts, counts.usersDeleted(), "user deleted", "users deleted");
    addCount(parts, counts.groupChanges(), "group change", "group changes");
    if (lastError == null) {
      parts.add("no errors");
    } else {
      StringBuilder error = new StringBuilder("last error: ").append(lastError.status());
      if (lastError.code() != null) {
        error.append(' ').append(lastError.code());
      }
      if (lastError.subject() != null) {
        error.append(" for ").append(lastError.subject());
      }
      error.append(" at ").append(CLOCK.format(lastError.at())).append(" UTC");
      parts.add(error.toString());
    }
    return text.append(": ").append(String.join(", ", parts)).append('.').toString();
  }

  private static void addCount(List<String> parts, int n, String one, String many) {
    if (n > 0) {
      parts.add(n + " " + (n == 1 ? one : many));
    }
  }

  /** "just now", "3 minutes ago", "2 hours ago", "3 days ago". */
  static String ago(Instant then, Instant now) {
    long seconds = Math.max(0, Duration.between(then, now).getSeconds());
    if (seconds < 60) {
      return "just now";
    }
    long minutes = seconds / 60;
    if (minutes < 60) {
      return minutes + (minutes == 1 ? " minute ago" : " minutes ago");
    }
    long hours = minutes / 60;
    if (hours < 48) {
      return hours + (hours == 1 ? " hour ago" : " hours ago");
    }
    return hours / 24 + " days ago";
  }
}
