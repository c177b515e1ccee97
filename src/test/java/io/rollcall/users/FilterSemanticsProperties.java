package io.rollcall.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.rollcall.json.ScimJson;
import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.filter.Filter;
import io.rollcall.protocol.filter.FilterEvaluator;
import io.rollcall.protocol.filter.FilterParser;
import io.rollcall.protocol.schema.CaseFolding;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.SchemaRegistry;
import io.rollcall.protocol.schema.StandardSchemas;
import io.rollcall.querying.CursorPaging;
import io.rollcall.testdb.TestDatabase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * One filter, one answer (RFC 7644 §3.4.2.2): a user search runs the filter as a database query
 * ({@code FilterTranslator} over the columns and the value index), permission rules and their
 * preview's counterpart run it in memory ({@link FilterEvaluator} over {@link
 * UserDocuments#forFilters}, the stored document with id and meta). For generated users stored
 * through the real write path and generated filters, both must select exactly the same users, and a
 * filter either path refuses must be refused by both.
 *
 * <p>Filter values are drawn mostly from the stored users' own values, in other case and as
 * substrings, so that filters match; the rest are random. Case variants probe caseExact (RFC 7643
 * §7): userName, emails and the department compare folded, externalId and id exactly. Users share
 * name fragments (so {@code sw} finds several), mix scripts, leave attributes out (RFC 7643 §2.5),
 * hold zero to three emails with at most one primary (RFC 7643 §2.4) and carry values longer than
 * the indexed prefix.
 */
class FilterSemanticsProperties {

  /** The database this run uses; {@code FilterSemanticsOnPostgresProperties} runs on PostgreSQL. */
  TestDatabase database() {
    return TestDatabase.h2();
  }

  static final ResourceTypeDefinition TYPE = SchemaRegistry.standard().user();

  static final String ENTERPRISE = StandardSchemas.ENTERPRISE_USER;

  /**
   * One database per test class, created on first use: a property's tries share it, and each
   * population is stored once, in a tenant of its own, however often shrinking revisits it.
   */
  private static final Map<Class<?>, Store> STORES = new ConcurrentHashMap<>();

  private static final class Store {
    final UserStoreFixture fixture;
    final Map<List<Map<String, Object>>, Population> populations = new HashMap<>();
    List<Map<String, Object>> fixedUsers;

    Store(TestDatabase database) {
      fixture = new UserStoreFixture(database);
    }
  }

  @AfterContainer
  static void closeDatabases() {
    STORES.values().forEach(store -> store.fixture.close());
    STORES.clear();
  }

  // ---- the properties ----

  /**
   * Many filters against one population of 40 users, generated once per database from a fixed seed
   * so that 200 tries cost 200 queries rather than 200 populations; the filters are jqwik's.
   */
  @Property(tries = 200)
  void databaseAndEvaluatorSelectTheSameUsers(@ForAll("filters") Template filter) {
    Statistics.label("outcome").collect(assertSameUsers(population(fixedUsers()), filter));
  }

  /** Fewer filters each against several populations, all generated and shrunk by jqwik. */
  @Property(tries = 6)
  void databaseAndEvaluatorSelectTheSameUsersInAnyPopulation(
      @ForAll("populations") List<Map<String, Object>> users,
      @ForAll @Size(min = 1, max = 25) List<@From("filters") Template> filters) {
    Population population = population(users);
    for (Template filter : filters) {
      assertSameUsers(population, filter);
    }
  }

  /** Fails on a disagreement; otherwise says how the filter fared, for the statistics. */
  private String assertSameUsers(Population population, Template template) {
    String text = template.render(population);
    Filter filter;
    try {
      filter = FilterParser.parse(text, TYPE);
    } catch (ScimException e) {
      // Both paths share the parser and resolver, so a rejection here is a rejection by both.
      return "rejected: " + e.scimType();
    }
    Set<String> inMemory = new TreeSet<>();
    for (StoredUser user : population.users()) {
      if (FilterEvaluator.matches(filter, user.document(), TYPE)) {
        inMemory.add(user.id());
      }
    }
    Set<String> inDatabase;
    try {
      CursorPaging.Counted<UserRow> page =
          store()
              .fixture
              .repository
              .searches()
              .page(population.tenant(), TYPE, filter, null, 0, 1000, null);
      inDatabase =
          page.rows().stream().map(UserRow::id).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(inDatabase.size(), page.total(), "count and page use the same predicate");
    } catch (ScimException e) {
      throw new AssertionError(
          "the evaluator runs " + text + " but the database refuses it as " + e.scimType(), e);
    }
    if (!inMemory.equals(inDatabase)) {
      fail(disagreement(text, population, inMemory, inDatabase));
    }
    return inMemory.isEmpty()
        ? "matches none"
        : inMemory.size() == population.users().size() ? "matches all" : "matches some";
  }

  private static String disagreement(
      String text, Population population, Set<String> inMemory, Set<String> inDatabase) {
    StringBuilder out = new StringBuilder("filter ").append(text).append('\n');
    for (StoredUser user : population.users()) {
      boolean memory = inMemory.contains(user.id());
      if (memory != inDatabase.contains(user.id())) {
        out.append(memory ? "  only the evaluator matches " : "  only the database matches ")
            .append(user.document())
            .append('\n');
      }
    }
    return out.toString();
  }

  // ---- storing a population ----

  /** A stored user as both paths see it: its id, and the document permission rules evaluate. */
  record StoredUser(String id, Map<String, Object> document) {}

  /** The users of one tenant, and their values by attribute, which filters draw operands from. */
  record Population(String tenant, List<StoredUser> users, Map<String, List<String>> values) {

    List<String> valuesOf(String attribute) {
      return values.getOrDefault(attribute, List.of());
    }
  }

  private Store store() {
    return STORES.computeIfAbsent(getClass(), c -> new Store(database()));
  }

  private Population population(List<Map<String, Object>> users) {
    Store store = store();
    return store.populations.computeIfAbsent(users, u -> stored(store.fixture, u));
  }

  private static Population stored(UserStoreFixture fixture, List<Map<String, Object>> users) {
    String tenant = fixture.newTenant("Generated " + users.size());
    fixture.addMany(tenant, users.size(), i -> ScimJson.write(users.get(i)));
    List<StoredUser> stored = new ArrayList<>();
    Map<String, Set<String>> values = new HashMap<>();
    for (UserRow row :
        fixture.repository.searches().page(tenant, TYPE, null, null, 0, 1000, null).rows()) {
      Map<String, Object> document = UserDocuments.forFilters(TYPE, row);
      stored.add(new StoredUser(row.id(), document));
      for (Attribute attribute : TOP_LEVEL) {
        values
            .computeIfAbsent(attribute.values(), k -> new LinkedHashSet<>())
            .addAll(valuesOf(document, attribute.values()));
      }
      values.computeIfAbsent("id", k -> new LinkedHashSet<>()).add(row.id());
      values.put("resourceType", new LinkedHashSet<>(List.of("User", "Group")));
      values.put("schemas", new LinkedHashSet<>(List.of(TYPE.schema().id(), ENTERPRISE)));
      values.computeIfAbsent("meta", k -> new LinkedHashSet<>()).add(row.createdAt().toString());
      values.computeIfAbsent("meta", k -> new LinkedHashSet<>()).add(row.lastModified().toString());
    }
    Map<String, List<String>> lists = new HashMap<>();
    values.forEach((k, v) -> lists.put(k, List.copyOf(v)));
    return new Population(tenant, List.copyOf(stored), lists);
  }

  /** The string values at a dotted path of a canonical document, e.g. {@code emails.value}. */
  private static List<String> valuesOf(Map<String, Object> document, String path) {
    List<Object> nodes = new ArrayList<>();
    nodes.add(document);
    String[] steps =
        path.startsWith("enterprise:")
            ? new String[] {ENTERPRISE, path.substring("enterprise:".length())}
            : path.split("\\.");
    for (String step : steps) {
      List<Object> next = new ArrayList<>();
      for (Object node : nodes) {
        Object child = node instanceof Map<?, ?> map ? map.get(step) : null;
        if (child instanceof List<?> list) {
          next.addAll(list);
        } else if (child != null) {
          next.add(child);
        }
      }
      nodes = next;
    }
    return nodes.stream().filter(String.class::isInstance).map(String.class::cast).toList();
  }

  // ---- generated users ----

  /**
   * Pieces of names: case pairs, letters whose lower case differs in length or form (İ, ß, Σ),
   * scripts without case, a character beyond the BMP and one above the surrogates (they order
   * differently by UTF-16 unit and by code point), and the LIKE wildcards and escape.
   */
  static final List<String> FRAGMENTS =
      List.of(
          "ann", "Ann", "ANNA", "bob", "Böb", "åsa", "ÅSA", "straße", "STRASSE", "İpek", "ıi",
          "zoë", "ZOË", "Σοφία", "日本", "😀", "\uFB00", "x_y", "50%", "a\\b", "q\"t", "o'n", " ",
          "-", "Z");

  /**
   * H2 orders strings by UTF-16 unit, not by code point as PostgreSQL's "C" collation and the
   * evaluator do, so on H2 a character beyond U+FFFF and one from U+E000 to U+FFFF order the other
   * way round. H2 gets no character from that range; PostgreSQL gets them all.
   */
  boolean ordersByCodePoint() {
    return false;
  }

  List<String> fragments() {
    return ordersByCodePoint()
        ? FRAGMENTS
        : FRAGMENTS.stream().filter(f -> f.chars().noneMatch(c -> c >= 0xE000)).toList();
  }

  static final List<String> DOMAINS =
      List.of("@example.com", "@Example.COM", "@home.org", "", "@例え.jp");

  /** Starts of long values: the indexed prefix ends inside the word that follows the first two. */
  static final List<String> LONG_STARTS =
      List.of("x".repeat(199), "X".repeat(199), "Long ".repeat(48));

  @Provide
  Arbitrary<List<Map<String, Object>>> populations() {
    return person()
        .list()
        .ofMinSize(3)
        .ofMaxSize(30)
        .uniqueElements(p -> CaseFolding.fold((String) p.get("userName")));
  }

  private List<Map<String, Object>> fixedUsers() {
    Store store = store();
    if (store.fixedUsers == null) {
      store.fixedUsers = generatedUsers();
    }
    return store.fixedUsers;
  }

  private List<Map<String, Object>> generatedUsers() {
    return person()
        .list()
        .ofSize(40)
        .uniqueElements(p -> CaseFolding.fold((String) p.get("userName")))
        .generator(1000)
        .next(new Random(13))
        .value();
  }

  Arbitrary<String> word() {
    return Arbitraries.of(fragments())
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .map(l -> String.join("", l));
  }

  /** Empty strings are kept as sent (they are values), but {@code pr} does not see them. */
  Arbitrary<String> text() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just("")), Tuple.of(8, word()), Tuple.of(1, longText()));
  }

  Arbitrary<String> longText() {
    return Combinators.combine(Arbitraries.of(LONG_STARTS), word()).as(String::concat);
  }

  static <T> Arbitrary<T> sometimes(Arbitrary<T> value) {
    return Arbitraries.frequencyOf(Tuple.of(2, value), Tuple.of(1, Arbitraries.just(null)));
  }

  Arbitrary<Map<String, Object>> person() {
    Arbitrary<String> userName =
        Arbitraries.frequencyOf(
            Tuple.of(9, Combinators.combine(word(), Arbitraries.of(DOMAINS)).as(String::concat)),
            Tuple.of(1, longText()));
    Arbitrary<Map<String, Object>> core =
        Combinators.combine(
                userName,
                sometimes(text()),
                sometimes(text()),
                Arbitraries.of(true, false).injectNull(0.3),
                sometimes(text()),
                sometimes(name()))
            .as(
                (u, displayName, title, active, externalId, name) -> {
                  Map<String, Object> person = new LinkedHashMap<>();
                  person.put("userName", u);
                  putIfSet(person, "displayName", displayName);
                  putIfSet(person, "title", title);
                  putIfSet(person, "active", active);
                  putIfSet(person, "externalId", externalId);
                  putIfSet(person, "name", name);
                  return person;
                });
    return Combinators.combine(core, emails(), phoneNumbers(), sometimes(enterprise()))
        .as(
            (person, emails, phones, enterprise) -> {
              Map<String, Object> all = new LinkedHashMap<>(person);
              putIfSet(all, "emails", emails.isEmpty() ? null : emails);
              putIfSet(all, "phoneNumbers", phones.isEmpty() ? null : phones);
              putIfSet(all, ENTERPRISE, enterprise);
              return all;
            });
  }

  Arbitrary<Map<String, Object>> name() {
    return Combinators.combine(sometimes(word()), sometimes(text()))
        .as(
            (given, family) -> {
              Map<String, Object> name = new LinkedHashMap<>();
              putIfSet(name, "givenName", given);
              putIfSet(name, "familyName", family);
              return name.isEmpty() ? null : name;
            });
  }

  Arbitrary<List<Map<String, Object>>> emails() {
    Arbitrary<Map<String, Object>> email =
        Combinators.combine(
                Combinators.combine(word(), Arbitraries.of(DOMAINS)).as(String::concat),
                Arbitraries.of("work", "home", "Work", "").injectNull(0.2))
            .as(
                (value, type) -> {
                  Map<String, Object> element = new LinkedHashMap<>();
                  element.put("value", value);
                  putIfSet(element, "type", type);
                  return element;
                });
    // RFC 7643 §2.4: at most one element is primary.
    return Combinators.combine(email.list().ofMaxSize(3), Arbitraries.integers().between(-1, 2))
        .as(
            (list, primary) -> {
              List<Map<String, Object>> elements = new ArrayList<>();
              for (int i = 0; i < list.size(); i++) {
                Map<String, Object> element = new LinkedHashMap<>(list.get(i));
                if (i == primary) {
                  element.put("primary", true);
                }
                elements.add(element);
              }
              return elements;
            });
  }

  static Arbitrary<List<Map<String, Object>>> phoneNumbers() {
    return Combinators.combine(
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4).map(d -> "+1 555 01" + d),
            Arbitraries.of("work", "mobile"))
        .as(
            (value, type) -> {
              Map<String, Object> element = new LinkedHashMap<>();
              element.put("value", value);
              element.put("type", type);
              return element;
            })
        .list()
        .ofMaxSize(2);
  }

  Arbitrary<Map<String, Object>> enterprise() {
    return Combinators.combine(
            sometimes(text()),
            sometimes(Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(5)))
        .as(
            (department, number) -> {
              Map<String, Object> extension = new LinkedHashMap<>();
              putIfSet(extension, "department", department);
              putIfSet(extension, "employeeNumber", number);
              return extension.isEmpty() ? null : extension;
            });
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  // ---- generated filters ----

  enum Kind {
    STRING,
    BOOLEAN,
    TIME
  }

  /**
   * An attribute as a filter spells it, the population values its operands come from, and its type.
   */
  record Attribute(String spelled, String values, Kind kind) {}

  static final List<Attribute> TOP_LEVEL =
      List.of(
          new Attribute("userName", "userName", Kind.STRING),
          new Attribute("USERNAME", "userName", Kind.STRING),
          new Attribute(
              "urn:ietf:params:scim:schemas:core:2.0:User:userName", "userName", Kind.STRING),
          new Attribute("displayName", "displayName", Kind.STRING),
          new Attribute("title", "title", Kind.STRING),
          new Attribute("externalId", "externalId", Kind.STRING),
          new Attribute("name.givenName", "name.givenName", Kind.STRING),
          new Attribute("name.familyName", "name.familyName", Kind.STRING),
          new Attribute("emails", "emails.value", Kind.STRING),
          new Attribute("emails.value", "emails.value", Kind.STRING),
          new Attribute("emails.type", "emails.type", Kind.STRING),
          new Attribute("emails.primary", "emails.primary", Kind.BOOLEAN),
          new Attribute("phoneNumbers.value", "phoneNumbers.value", Kind.STRING),
          new Attribute("phoneNumbers.type", "phoneNumbers.type", Kind.STRING),
          new Attribute(ENTERPRISE + ":department", "enterprise:department", Kind.STRING),
          new Attribute(ENTERPRISE + ":employeeNumber", "enterprise:employeeNumber", Kind.STRING),
          new Attribute("active", "active", Kind.BOOLEAN),
          new Attribute("id", "id", Kind.STRING),
          new Attribute("meta.created", "meta", Kind.TIME),
          new Attribute("meta.lastModified", "meta", Kind.TIME),
          new Attribute("meta.resourceType", "resourceType", Kind.STRING),
          new Attribute("schemas", "schemas", Kind.STRING));

  /** Attributes no filter may name: both paths must refuse them alike. */
  static final List<Attribute> REFUSED =
      List.of(
          new Attribute("password", "userName", Kind.STRING),
          new Attribute("meta.version", "userName", Kind.STRING),
          new Attribute("meta.location", "userName", Kind.STRING));

  /** Attributes only {@code pr} tests: complex ones as a whole. */
  static final List<String> PRESENT_ONLY = List.of("name", "emails", "phoneNumbers");

  /** Sub-attributes inside {@code emails[...]} and {@code phoneNumbers[...]}. */
  static final Map<String, List<Attribute>> ELEMENTS =
      Map.of(
          "emails",
          List.of(
              new Attribute("value", "emails.value", Kind.STRING),
              new Attribute("type", "emails.type", Kind.STRING),
              new Attribute("primary", "emails.primary", Kind.BOOLEAN)),
          "phoneNumbers",
          List.of(
              new Attribute("value", "phoneNumbers.value", Kind.STRING),
              new Attribute("type", "phoneNumbers.type", Kind.STRING)));

  /** A filter whose operands are picked from a population when it is rendered. */
  sealed interface Template {
    String render(Population population);
  }

  record Comparison(Attribute attribute, String operator, Operand operand) implements Template {
    @Override
    public String render(Population population) {
      return attribute.spelled() + " " + operator + " " + operand.literal(attribute, population);
    }
  }

  record Present(String attribute) implements Template {
    @Override
    public String render(Population population) {
      return attribute + " pr";
    }
  }

  record And(Template left, Template right) implements Template {
    @Override
    public String render(Population population) {
      return "(" + left.render(population) + " and " + right.render(population) + ")";
    }
  }

  record Or(Template left, Template right) implements Template {
    @Override
    public String render(Population population) {
      return "(" + left.render(population) + " or " + right.render(population) + ")";
    }
  }

  record Not(Template filter) implements Template {
    @Override
    public String render(Population population) {
      return "not (" + filter.render(population) + ")";
    }
  }

  record ValueFilter(String attribute, Template filter) implements Template {
    @Override
    public String render(Population population) {
      return attribute + "[" + filter.render(population) + "]";
    }
  }

  /**
   * How to pick an operand: {@code variant} chooses a stored value as it is, in another case, cut
   * to a prefix, suffix or middle, or a random word, or a literal of another JSON type; {@code
   * pick} and {@code cut} say which value and where to cut.
   */
  record Operand(int variant, int pick, int cut, String random) {

    String literal(Attribute attribute, Population population) {
      return switch (attribute.kind()) {
        case BOOLEAN ->
            switch (variant % 5) {
              case 0, 1 -> "true";
              case 2, 3 -> "false";
              default -> "null";
            };
        case TIME -> time(population.valuesOf(attribute.values()));
        case STRING -> string(population.valuesOf(attribute.values()));
      };
    }

    private String time(List<String> stored) {
      Instant instant =
          stored.isEmpty() ? Instant.parse("2020-01-01T00:00:00Z") : Instant.parse(pick(stored));
      return switch (variant) {
        case 0, 1 -> quote(instant.toString());
        case 2 -> quote(instant.atOffset(ZoneOffset.ofHours(2)).toString());
        case 3 -> quote(instant.plusMillis(cut - 5).toString());
        case 4 -> quote("2000-01-01T00:00:00Z");
        case 5 -> quote("2999-12-31T23:59:59Z");
        case 6 -> "null";
        default -> quote(random);
      };
    }

    private String string(List<String> stored) {
      if (stored.isEmpty() || variant >= 6) {
        return switch (variant) {
          case 7 -> "null";
          case 8 -> "42";
          case 9 -> quote("");
          default -> quote(random);
        };
      }
      String value = pick(stored);
      int at = Math.min(cut, value.length());
      return quote(
          switch (variant) {
            case 0 -> value;
            case 1 -> value.toUpperCase(Locale.ROOT);
            case 2 -> value.toLowerCase(Locale.ROOT);
            case 3 -> value.substring(0, at);
            case 4 -> value.substring(value.length() - at);
            default -> value.substring(at / 2, Math.max(at / 2, value.length() - at / 2));
          });
    }

    private String pick(List<String> stored) {
      return stored.get(pick % stored.size());
    }
  }

  /** A JSON string literal (RFC 7644 §3.4.2.2 compValue is JSON, RFC 8259 §7). */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  @Provide
  Arbitrary<Template> filters() {
    return filter(3);
  }

  Arbitrary<Template> filter(int depth) {
    Arbitrary<Template> leaf =
        Arbitraries.frequencyOf(
            Tuple.of(8, comparison(TOP_LEVEL)),
            Tuple.of(
                2,
                Arbitraries.of(
                        PRESENT_ONLY.get(0),
                        PRESENT_ONLY.get(1),
                        PRESENT_ONLY.get(2),
                        "title",
                        "externalId",
                        "active",
                        ENTERPRISE + ":department",
                        "emails.type")
                    .map(Present::new)),
            Tuple.of(2, valueFilter()),
            Tuple.of(
                1,
                Arbitraries.integers()
                    .between(0, 30)
                    .flatMap(n -> n == 0 ? comparison(REFUSED) : comparison(TOP_LEVEL))));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Template> inner = Arbitraries.lazy(() -> filter(depth - 1));
    return Arbitraries.frequencyOf(
        Tuple.of(5, leaf),
        Tuple.of(2, Combinators.combine(inner, inner).as(And::new)),
        Tuple.of(2, Combinators.combine(inner, inner).as(Or::new)),
        Tuple.of(1, inner.map(Not::new)));
  }

  Arbitrary<Template> valueFilter() {
    return Arbitraries.of("emails", "phoneNumbers")
        .flatMap(
            attribute -> {
              Arbitrary<Template> leaf =
                  Arbitraries.frequencyOf(
                      Tuple.of(5, comparison(ELEMENTS.get(attribute))),
                      Tuple.of(1, Arbitraries.of("type", "value").map(Present::new)));
              Arbitrary<Template> inner =
                  Arbitraries.frequencyOf(
                      Tuple.of(3, leaf),
                      Tuple.of(2, Combinators.combine(leaf, leaf).as(And::new)),
                      Tuple.of(1, Combinators.combine(leaf, leaf).as(Or::new)),
                      Tuple.of(1, leaf.map(Not::new)));
              return inner.map(filter -> new ValueFilter(attribute, filter));
            });
  }

  Arbitrary<Template> comparison(List<Attribute> attributes) {
    Arbitrary<Operand> operands =
        Combinators.combine(
                Arbitraries.frequencyOf(
                    Tuple.of(24, Arbitraries.integers().between(0, 5)),
                    Tuple.of(6, Arbitraries.just(6)),
                    Tuple.of(1, Arbitraries.integers().between(7, 9))),
                Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 10),
                word())
            .as(Operand::new);
    return Arbitraries.of(attributes)
        .flatMap(
            attribute ->
                Combinators.combine(operators(attribute.kind()), operands)
                    .as(
                        (operator, operand) ->
                            operator.equals("pr")
                                ? new Present(attribute.spelled())
                                : new Comparison(attribute, operator, operand)));
  }

  /** Mostly operators the type supports; now and then one it refuses, which both must refuse. */
  static Arbitrary<String> operators(Kind kind) {
    Arbitrary<String> supported =
        switch (kind) {
          case STRING ->
              Arbitraries.frequencyOf(
                  Tuple.of(4, Arbitraries.of("eq", "ne")),
                  Tuple.of(
                      6,
                      Arbitraries.of("co", "sw", "ew", "gt", "ge", "lt", "le", "EQ", "Ne", "pr")));
          case BOOLEAN -> Arbitraries.of("eq", "ne", "pr");
          case TIME -> Arbitraries.of("eq", "ne", "gt", "ge", "lt", "le", "pr");
        };
    return Arbitraries.frequencyOf(
        Tuple.of(30, supported), Tuple.of(1, Arbitraries.of("co", "gt", "sw")));
  }
}
