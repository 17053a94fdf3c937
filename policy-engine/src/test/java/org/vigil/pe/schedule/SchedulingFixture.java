package org.vigil.pe.schedule;

import java.time.Instant;
import java.util.List;
import org.vigil.cib.xml.CibXml;
import org.vigil.pe.PacemakerScheduler;
import org.vigil.pe.Transition;

/** Runs the scheduler on a hand-written CIB, for the behaviour tests of this package. */
final class SchedulingFixture {
  private SchedulingFixture() {}

  /** The transition for {@code xml} at {@code now}; a CIB that does not parse fails the test. */
  static Transition transition(String xml, Instant now) {
    try {
      return new PacemakerScheduler().schedule(CibXml.parse(xml, "test"), now);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The Transition Summary lines, each trimmed and with runs of blanks made one space. */
  static List<String> summary(String xml, Instant now) {
    return transition(xml, now).summary().stream().map(s -> s.trim().replaceAll("\\s+", " ")).toList();
  }
}
