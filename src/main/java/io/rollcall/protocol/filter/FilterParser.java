package io.rollcall.protocol.filter;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.StorableText;
import io.rollcall.protocol.Tolerance;
import io.rollcall.protocol.Tolerances;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;

/**
 * A recursive-descent parser for the filter grammar of RFC 7644 §3.4.2.2 (Figure 1) and the
 * attribute paths of RFC 7644 §3.10 and §3.5.2 (Figure 7).
 *
 * <p>The methods mirror the grammar with the precedence the RFC prescribes: {@code or} binds
 * loosest, then {@code and}, then {@code not}, then grouping. {@code and} and {@code or} are
 * left-associative, so {@code a and b and c} is {@code (a and b) and c}.
 *
 * <p>Error positions are <em>0-based</em> character offsets into the text: {@code "expected ')' at
 * 27"} means the 28th character.
 *
 * <p>Leniencies, each harmless because the accepted text has a single reading:
 *
 * <ul>
 *   <li>Whitespace between tokens may be any run of spaces, tabs or line breaks, and may be missing
 *       where a quote, bracket or parenthesis already separates tokens ({@code value eq"x"} appears
 *       in RFC 7644 §3.5.2.2 itself).
 *   <li>{@code not} may be followed by a space before its parenthesis (as the RFC's own examples
 *       do, see erratum 7319), and may also precede a bare attribute expression or value path
 *       ({@code not title pr}); it then applies to that expression only, which is how the
 *       precedence rule "not over and over or" of §3.4.2.2 reads.
 *   <li>Attribute names may start with {@code $} so that {@code members.$ref} (RFC 7643 §4.2) can
 *       be named.
 * </ul>
 *
 * <p>Value filters do not nest ({@code emails[type eq "work" and x[...]]}), as erratum 4690 to RFC
 * 7644 clarifies, and a sub-attribute after a value filter ({@code emails[type eq "work"].value})
 * is only valid in PATCH paths.
 */
public final class FilterParser {

  /** Longest filter or path text accepted. */
  public static final int MAX_LENGTH = 4096;

  /** Deepest nesting of parentheses, value filters and {@code not} accepted. */
  public static final int MAX_DEPTH = 32;

  private final String text;
  private final Function<String, ScimException> errors;
  private boolean trailingSubAttribute = true;
  private int pos;
  private int depth;

  private FilterParser(String text, Function<String, ScimException> errors) {
    this.text = text;
    this.errors = errors;
  }

  /**
   * Parses filter text into a syntax tree without consulting any schema: names keep the client's
   * spelling and URNs are split off at their last colon.
   *
   * @throws ScimException {@code invalidFilter} naming the 0-based position of the problem
   */
  public static Filter parse(String text) {
    return parse(text, Tolerances.ANY_IDP);
  }

  /**
   * As {@link #parse(String)}; Entra ID's {@code emails[type eq "work"].value eq "x"} is read only
   * under {@link Tolerance#VALUE_FILTER_WITH_SUB_ATTRIBUTE}.
   */
  public static Filter parse(String text, Tolerances tolerances) {
    FilterParser parser = start(text, ScimException::invalidFilter, "filter");
    parser.trailingSubAttribute = tolerances.allows(Tolerance.VALUE_FILTER_WITH_SUB_ATTRIBUTE);
    Filter filter = parser.parseOr(null);
    parser.skipSpaces();
    if (!parser.atEnd()) {
      throw parser.unexpected();
    }
    return filter;
  }

  /**
   * Parses filter text and resolves it against a resource type (see {@link FilterResolver}).
   *
   * @throws ScimException {@code invalidFilter} for syntax errors, unknown attributes and
   *     comparisons the attribute's type does not support
   */
  public static Filter parse(String text, ResourceTypeDefinition type) {
    return parse(text, type, Tolerances.ANY_IDP);
  }

  /** Parses and resolves a filter an identity provider sent, with its tolerances. */
  public static Filter parse(String text, ResourceTypeDefinition type, Tolerances tolerances) {
    return FilterResolver.resolve(
        parse(text, tolerances), type, ScimException::invalidFilter, tolerances);
  }

  /** Parses {@code attrPath} of RFC 7644 §3.10 and nothing else. */
  static AttributePath parseAttributePath(String text, Function<String, ScimException> errors) {
    FilterParser parser = start(text, errors, "attribute path");
    AttributePath path = parser.readAttributePath();
    if (!parser.atEnd()) {
      throw parser.unexpected();
    }
    return path;
  }

  /** Parses {@code PATH = attrPath / valuePath [subAttr]} of RFC 7644 §3.5.2. */
  static PatchPath parsePatchPath(String text, Function<String, ScimException> errors) {
    FilterParser parser = start(text, errors, "path");
    AttributePath path = parser.readAttributePath();
    if (parser.atEnd()) {
      return new PatchPath(path, null);
    }
    if (parser.peek() != '[') {
      throw parser.unexpected();
    }
    Filter inner = parser.parseValueFilter(path);
    AttributePath target = path;
    if (!parser.atEnd() && parser.peek() == '.') {
      parser.pos++;
      int start = parser.pos;
      String sub = parser.readToken();
      parser.checkName(sub, start);
      target = path.child(sub);
    }
    if (!parser.atEnd()) {
      throw parser.unexpected();
    }
    return new PatchPath(target, inner);
  }

  private static FilterParser start(
      String text, Function<String, ScimException> errors, String what) {
    if (text == null || text.isEmpty()) {
      throw errors.apply("empty " + what + " at 0");
    }
    if (text.length() > MAX_LENGTH) {
      throw errors.apply(what + " longer than " + MAX_LENGTH + " characters at " + MAX_LENGTH);
    }
    return new FilterParser(text, errors);
  }

  // FILTER = logExp with "or" as its loosest operator
  private Filter parseOr(AttributePath scope) {
    Filter left = parseAnd(scope);
    while (acceptKeyword("or")) {
      left = new Filter.Or(left, parseAnd(scope));
    }
    return left;
  }

  private Filter parseAnd(AttributePath scope) {
    Filter left = parseNot(scope);
    while (acceptKeyword("and")) {
      left = new Filter.And(left, parseNot(scope));
    }
    return left;
  }

  private Filter parseNot(AttributePath scope) {
    skipSpaces();
    if (atNotKeyword()) {
      int start = pos;
      pos += 3;
      enter(start);
      Filter inner = parseNot(scope);
      depth--;
      return new Filter.Not(inner);
    }
    return parsePrimary(scope);
  }

  // "(" FILTER ")" / valuePath / attrExp
  private Filter parsePrimary(AttributePath scope) {
    skipSpaces();
    if (atEnd()) {
      throw errorAt(pos, "expected a filter expression");
    }
    if (peek() == '(') {
      int start = pos++;
      enter(start);
      Filter inner = parseOr(scope);
      skipSpaces();
      expect(')');
      depth--;
      return inner;
    }
    int start = pos;
    AttributePath path = readAttributePath();
    if (!atEnd() && peek() == '[') {
      if (scope != null) {
        throw errorAt(pos, "value filters cannot be nested");
      }
      Filter inner = parseValueFilter(path);
      if (trailingSubAttribute && !atEnd() && peek() == '.') {
        return parseTrailingSubAttribute(path, inner);
      }
      return new Filter.ValuePath(path, inner);
    }
    return parseAttributeExpression(qualify(path, scope, start));
  }

  /**
   * {@code emails[type eq "work"].value eq "x"}: not in the RFC 7644 grammar, but Microsoft Entra
   * ID sends it to look users up by work email. Deliberate tolerance
   * VALUE_FILTER_WITH_SUB_ATTRIBUTE: it reads as the value filter {@code emails[type eq "work" and
   * value eq "x"]}, the only meaning it can have. Positioned on the ".".
   */
  private Filter parseTrailingSubAttribute(AttributePath path, Filter inner) {
    pos++;
    int start = pos;
    String sub = readToken();
    checkName(sub, start);
    Filter condition = parseAttributeExpression(path.child(sub));
    return new Filter.ValuePath(path, new Filter.And(inner, condition));
  }

  // attrPath "[" valFilter "]", positioned on the "["
  private Filter parseValueFilter(AttributePath path) {
    int open = pos;
    if (path.hasSubAttribute()) {
      throw errorAt(open, "a value filter needs a multi-valued attribute, not a sub-attribute");
    }
    pos++;
    enter(open);
    Filter inner = parseOr(path);
    skipSpaces();
    expect(']');
    depth--;
    return inner;
  }

  // attrPath SP "pr" / attrPath SP compareOp SP compValue
  private Filter parseAttributeExpression(AttributePath path) {
    skipSpaces();
    int start = pos;
    String word = readToken();
    if (word.isEmpty()) {
      throw errorAt(start, "expected an operator after '" + path + "'");
    }
    if (word.equalsIgnoreCase("pr")) {
      return new Filter.Present(path);
    }
    Optional<ComparisonOperator> operator = ComparisonOperator.fromKeyword(word);
    if (operator.isEmpty()) {
      throw errorAt(start, "unknown operator '" + shorten(word) + "'");
    }
    skipSpaces();
    return new Filter.Comparison(path, operator.get(), readValue());
  }

  /** Inner paths of a value filter are sub-attributes of its attribute: {@code emails.type}. */
  private AttributePath qualify(AttributePath path, AttributePath scope, int start) {
    if (scope == null) {
      return path;
    }
    if (path.schemaUrn() != null || path.hasSubAttribute()) {
      throw errorAt(start, "expected a sub-attribute name of '" + scope + "'");
    }
    return scope.child(path.attribute());
  }

  // compValue = false / null / true / number / string, as JSON spells them (RFC 7159)
  private Object readValue() {
    if (atEnd()) {
      throw errorAt(pos, "expected a value");
    }
    char c = peek();
    if (c == '"') {
      return readString();
    }
    if (c == '-' || isDigit(c)) {
      return readNumber();
    }
    int start = pos;
    String word = readToken();
    switch (word) {
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      case "null":
        return null;
      default:
        throw errorAt(start, "expected a string, number, true, false or null");
    }
  }

  private String readString() {
    int open = pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (atEnd()) {
        throw errorAt(open, "unterminated string");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        if (!StorableText.isStorable(out.toString())) {
          throw errorAt(open, "NUL character or unpaired surrogate in string");
        }
        return out.toString();
      }
      if (c < 0x20) {
        throw errorAt(pos, "control character in string");
      }
      if (c != '\\') {
        out.append(c);
        pos++;
        continue;
      }
      int escape = pos++;
      if (atEnd()) {
        throw errorAt(escape, "unterminated escape");
      }
      char e = text.charAt(pos++);
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out.append(e);
          break;
        case 'b':
          out.append('\b');
          break;
        case 'f':
          out.append('\f');
          break;
        case 'n':
          out.append('\n');
          break;
        case 'r':
          out.append('\r');
          break;
        case 't':
          out.append('\t');
          break;
        case 'u':
          out.append(readHexChar(escape));
          break;
        default:
          throw errorAt(escape, "invalid escape '\\" + e + "'");
      }
    }
  }

  private char readHexChar(int escape) {
    if (pos + 4 > text.length()) {
      throw errorAt(escape, "invalid \\u escape");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos + i), 16);
      if (digit < 0) {
        throw errorAt(escape, "invalid \\u escape");
      }
      value = value * 16 + digit;
    }
    pos += 4;
    return (char) value;
  }

  // number = [ minus ] int [ frac ] [ exp ] (RFC 7159 §6)
  private BigDecimal readNumber() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (atEnd() || !isDigit(peek())) {
      throw errorAt(pos, "expected a digit");
    }
    if (peek() == '0') {
      pos++;
    } else {
      skipDigits();
    }
    if (!atEnd() && peek() == '.') {
      pos++;
      requireDigits();
    }
    if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
      pos++;
      if (!atEnd() && (peek() == '+' || peek() == '-')) {
        pos++;
      }
      requireDigits();
    }
    try {
      return new BigDecimal(text.substring(start, pos));
    } catch (NumberFormatException e) {
      throw errorAt(start, "number out of range");
    }
  }

  private void requireDigits() {
    if (atEnd() || !isDigit(peek())) {
      throw errorAt(pos, "expected a digit");
    }
    skipDigits();
  }

  private void skipDigits() {
    while (!atEnd() && isDigit(peek())) {
      pos++;
    }
  }

  /**
   * attrPath = [URI ":"] ATTRNAME *1subAttr. Without a schema at hand the URN ends at the last
   * colon, which is unambiguous because attribute names contain none.
   */
  private AttributePath readAttributePath() {
    int start = pos;
    String token = readToken();
    if (token.isEmpty()) {
      throw errorAt(start, "expected an attribute path");
    }
    String urn = null;
    String rest = token;
    int restStart = start;
    int colon = token.lastIndexOf(':');
    if (colon >= 0) {
      urn = token.substring(0, colon);
      if (urn.length() <= 4 || !urn.regionMatches(true, 0, "urn:", 0, 4)) {
        throw errorAt(start, "expected an attribute name or a schema URN");
      }
      rest = token.substring(colon + 1);
      restStart = start + colon + 1;
    }
    int dot = rest.indexOf('.');
    String name = dot < 0 ? rest : rest.substring(0, dot);
    checkName(name, restStart);
    String sub = null;
    if (dot >= 0) {
      sub = rest.substring(dot + 1);
      checkName(sub, restStart + dot + 1);
    }
    return new AttributePath(urn, name, sub);
  }

  // ATTRNAME = ALPHA *(nameChar); nameChar = "-" / "_" / DIGIT / ALPHA
  private void checkName(String name, int start) {
    if (name.isEmpty()) {
      throw errorAt(start, "expected an attribute name");
    }
    char first = name.charAt(0);
    if (!isAlpha(first) && first != '$') {
      throw errorAt(start, "an attribute name must start with a letter");
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isAlpha(c) && !isDigit(c) && c != '-' && c != '_') {
        throw errorAt(start + i, "invalid character '" + c + "' in attribute name");
      }
    }
  }

  /** Reads up to the next whitespace, quote, bracket or parenthesis. */
  private String readToken() {
    int start = pos;
    while (!atEnd() && !isDelimiter(peek())) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private boolean acceptKeyword(String keyword) {
    int saved = pos;
    skipSpaces();
    if (readToken().equalsIgnoreCase(keyword)) {
      return true;
    }
    pos = saved;
    return false;
  }

  /**
   * Whether the next token is the keyword {@code not} rather than an attribute that happens to be
   * called "not": the keyword is followed by a parenthesis or by something other than an operator.
   */
  private boolean atNotKeyword() {
    if (!text.regionMatches(true, pos, "not", 0, 3)) {
      return false;
    }
    int after = pos + 3;
    if (after >= text.length()) {
      return true;
    }
    char next = text.charAt(after);
    if (next == '(') {
      return true;
    }
    if (!isSpace(next)) {
      return false;
    }
    int look = after;
    while (look < text.length() && isSpace(text.charAt(look))) {
      look++;
    }
    int end = look;
    while (end < text.length() && !isDelimiter(text.charAt(end))) {
      end++;
    }
    String word = text.substring(look, end);
    return !word.equalsIgnoreCase("pr") && ComparisonOperator.fromKeyword(word).isEmpty();
  }

  private void enter(int at) {
    depth++;
    if (depth > MAX_DEPTH) {
      throw errorAt(at, "nesting deeper than " + MAX_DEPTH + " levels");
    }
  }

  private void expect(char c) {
    if (atEnd() || peek() != c) {
      throw errorAt(pos, "expected '" + c + "'");
    }
    pos++;
  }

  private ScimException unexpected() {
    int start = pos;
    String token = readToken();
    if (token.isEmpty()) {
      token = String.valueOf(text.charAt(start));
    }
    return errorAt(start, "unexpected '" + shorten(token) + "'");
  }

  private ScimException errorAt(int at, String message) {
    return errors.apply(message + " at " + at);
  }

  private static String shorten(String s) {
    return s.length() <= 20 ? s : s.substring(0, 20) + "...";
  }

  private void skipSpaces() {
    while (!atEnd() && isSpace(peek())) {
      pos++;
    }
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private char peek() {
    return text.charAt(pos);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static boolean isDelimiter(char c) {
    return isSpace(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == '"';
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
