package org.vigil.pe.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.cib.model.AttributeExpression;
import org.vigil.cib.model.BooleanOp;
import org.vigil.cib.model.DateExpression;
import org.vigil.cib.model.DateSpec;
import org.vigil.cib.model.Expression;
import org.vigil.cib.model.RscExpression;
import org.vigil.cib.model.Rule;

/** Evaluates rules and their expressions as Pacemaker documents them. */
public final class Rules {
  private Rules() {}

  /** Whether the rule holds; an empty rule holds. Expressions it cannot evaluate are false. */
  public static boolean matches(Rule rule, RuleContext ctx) {
    if (rule.expressions().isEmpty()) {
      return true;
    }
    boolean or = rule.combination() == BooleanOp.OR;
    for (Expression e : rule.expressions()) {
      boolean v = matches(e, ctx);
      if (or && v) {
        return true;
      }
      if (!or && !v) {
        return false;
      }
    }
    return !or;
  }

  public static boolean matches(Expression e, RuleContext ctx) {
    if (e instanceof Rule r) {
      return matches(r, ctx);
    }
    if (e instanceof AttributeExpression a) {
      return attribute(a, ctx);
    }
    if (e instanceof DateExpression d) {
      return date(d, ctx.now());
    }
    if (e instanceof RscExpression r) {
      RuleContext.Agent a = ctx.agent();
      return a != null && (r.resourceClass() == null || r.resourceClass().equals(a.resourceClass()))
          && (r.provider() == null || r.provider().equals(a.provider()))
          && (r.type() == null || r.type().equals(a.type()));
    }
    // op_expression only applies to op_defaults, which the scheduler does not read
    return false;
  }

  private static boolean attribute(AttributeExpression a, RuleContext ctx) {
    String op = a.operation() == null ? "" : a.operation().toLowerCase(Locale.ROOT);
    String actual = ctx.nodeAttributes().get(a.attribute());
    if (op.equals("defined")) {
      return actual != null;
    }
    if (op.equals("not_defined")) {
      return actual == null;
    }
    String expected = a.value();
    String source = a.valueSource() == null ? "literal" : a.valueSource().toLowerCase(Locale.ROOT);
    if (source.equals("param")) {
      expected = ctx.params().get(expected);
    } else if (source.equals("meta")) {
      expected = ctx.meta().get(expected);
    }
    if (actual == null || expected == null) {
      return op.equals("ne") && (actual == null) != (expected == null);
    }
    int cmp = compare(actual, expected, a.type(), op);
    return switch (op) {
      case "eq" -> cmp == 0;
      case "ne" -> cmp != 0;
      case "lt" -> cmp < 0;
      case "lte" -> cmp <= 0;
      case "gt" -> cmp > 0;
      case "gte" -> cmp >= 0;
      default -> false;
    };
  }

  /**
   * Compares as the expression's type: without one, numbers for lt/gt/lte/gte (integer, or
   * number when either side has a decimal point), strings otherwise; values that do not parse
   * as the type compare as strings.
   */
  static int compare(String actual, String expected, String type, String op) {
    String t = type == null ? null : type.toLowerCase(Locale.ROOT);
    if (t == null) {
      boolean ordering = op.equals("lt") || op.equals("gt") || op.equals("lte") || op.equals("gte");
      t = !ordering ? "string" : (actual.contains(".") || expected.contains(".")) ? "number" : "integer";
    }
    switch (t) {
      case "integer" -> {
        Optional<Long> x = parseInteger(actual);
        Optional<Long> y = parseInteger(expected);
        if (x.isPresent() && y.isPresent()) {
          return Long.compare(x.get(), y.get());
        }
      }
      case "number" -> {
        Optional<BigDecimal> x = parseNumber(actual);
        Optional<BigDecimal> y = parseNumber(expected);
        if (x.isPresent() && y.isPresent()) {
          return x.get().compareTo(y.get());
        }
      }
      case "version" -> {
        return compareVersions(actual, expected);
      }
      default -> {
        // string, below
      }
    }
    return Integer.signum(actual.compareTo(expected));
  }

  private static final Pattern INTEGER_PREFIX = Pattern.compile("\\s*([+-]?[0-9]+)(\\.[0-9]*)?\\s*");

  /** An integer; a decimal value is truncated to its integer part. */
  static Optional<Long> parseInteger(String s) {
    Matcher m = INTEGER_PREFIX.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(m.group(1)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Optional<BigDecimal> parseNumber(String s) {
    try {
      return Optional.of(new BigDecimal(s.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long p = i < x.length ? parseInteger(x[i]).orElse(0L) : 0;
      long q = i < y.length ? parseInteger(y[i]).orElse(0L) : 0;
      if (p != q) {
        return Long.compare(p, q);
      }
    }
    return 0;
  }

  // ---- dates ----

  private static boolean date(DateExpression d, Instant now) {
    String op = d.operation() == null ? "in_range" : d.operation().toLowerCase(Locale.ROOT);
    Optional<Instant> start = parseDate(d.start());
    Optional<Instant> end = parseDate(d.end());
    switch (op) {
      case "gt" -> {
        return start.isPresent() && now.isAfter(start.get());
      }
      case "lt" -> {
        return end.isPresent() && now.isBefore(end.get());
      }
      case "in_range" -> {
        if (end.isEmpty() && start.isPresent() && d.duration() != null) {
          end = Optional.of(addDuration(start.get(), d.duration()));
        }
        if (start.isEmpty() && end.isEmpty()) {
          return false;
        }
        boolean afterStart = start.isEmpty() || !now.isBefore(start.get());
        boolean beforeEnd = end.isEmpty() || !now.isAfter(end.get());
        return afterStart && beforeEnd;
      }
      case "date_spec" -> {
        return d.dateSpec() != null && dateSpec(d.dateSpec(), now);
      }
      default -> {
        return false;
      }
    }
  }

  private static Instant addDuration(Instant start, DateSpec duration) {
    ZonedDateTime t = start.atZone(ZoneOffset.UTC);
    Map<String, String> f = duration.fields();
    t = t.plusYears(num(f.get("years"))).plusMonths(num(f.get("months"))).plusWeeks(num(f.get("weeks")))
        .plusDays(num(f.get("days"))).plusHours(num(f.get("hours"))).plusMinutes(num(f.get("minutes")))
        .plusSeconds(num(f.get("seconds")));
    return t.toInstant();
  }

  private static long num(String s) {
    return s == null ? 0 : parseInteger(s).orElse(0L);
  }

  private static boolean dateSpec(DateSpec spec, Instant now) {
    ZonedDateTime t = now.atZone(ZoneOffset.UTC);
    for (Map.Entry<String, String> e : spec.fields().entrySet()) {
      long value = switch (e.getKey()) {
        case "years" -> t.getYear();
        case "months" -> t.getMonthValue();
        case "monthdays" -> t.getDayOfMonth();
        case "hours" -> t.getHour();
        case "minutes" -> t.getMinute();
        case "seconds" -> t.getSecond();
        case "yeardays" -> t.getDayOfYear();
        case "weekdays" -> t.getDayOfWeek().getValue();
        case "weeks" -> t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        case "weekyears" -> t.get(IsoFields.WEEK_BASED_YEAR);
        default -> Long.MIN_VALUE;
      };
      if (value == Long.MIN_VALUE) {
        continue;
      }
      if (!inRange(value, e.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** A date_spec field: a number or a range {@code 9-16}. */
  private static boolean inRange(long value, String range) {
    String r = range.trim();
    int dash = r.indexOf('-', 1);
    if (dash > 0) {
      long lo = parseInteger(r.substring(0, dash)).orElse(Long.MIN_VALUE);
      long hi = parseInteger(r.substring(dash + 1)).orElse(Long.MAX_VALUE);
      return value >= lo && value <= hi;
    }
    return parseInteger(r).map(v -> v == value).orElse(false);
  }

  private static final Pattern ORDINAL = Pattern.compile("(\\d{4})-(\\d{3})");
  private static final Pattern DATE_TIME = Pattern.compile(
      "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?\\s*(Z|[+-]\\d{1,2}:?\\d{2})?");

  /** Dates as Pacemaker reads them: {@code 2019-09-23 05:00:00 -05:00}, ISO 8601, {@code 2005-001}. */
  public static Optional<Instant> parseDate(String s) {
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    String text = s.trim();
    Matcher ord = ORDINAL.matcher(text);
    if (ord.matches()) {
      LocalDate day = LocalDate.ofYearDay(Integer.parseInt(ord.group(1)), Integer.parseInt(ord.group(2)));
      return Optional.of(day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }
    Matcher m = DATE_TIME.matcher(text);
    if (!m.matches()) {
      try {
        return Optional.of(OffsetDateTime.parse(text).toInstant());
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
    LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
        m.group(5) == null ? 0 : Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
    ZoneOffset offset = ZoneOffset.UTC;
    String z = m.group(7);
    if (z != null && !z.equals("Z")) {
      String digits = z.replace(":", "");
      int sign = digits.startsWith("-") ? -1 : 1;
      String hm = digits.substring(1);
      int hours = Integer.parseInt(hm.substring(0, hm.length() - 2));
      int minutes = Integer.parseInt(hm.substring(hm.length() - 2));
      offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
    return Optional.of(local.toInstant(offset));
  }
}
