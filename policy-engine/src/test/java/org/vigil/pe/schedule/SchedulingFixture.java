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

  /** An lrm_resource of a Dummy whose last operation, call {@code call}, started it. */
  static String running(String rsc, int call) {
    return "<lrm_resource id='" + rsc + "' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='" + rsc + "_last_0' operation_key='" + rsc + "_start_0' operation='start' interval='0' "
        + "call-id='" + call + "' rc-code='0' op-status='0' transition-key='1:1:0:x'/></lrm_resource>";
  }

  /** An ocf:pacemaker:Dummy primitive. */
  static String dummy(String id) {
    return "<primitive id='" + id + "' class='ocf' provider='pacemaker' type='Dummy'/>";
  }
}
