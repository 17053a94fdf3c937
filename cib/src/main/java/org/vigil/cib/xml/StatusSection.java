package org.vigil.cib.xml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vigil.cib.model.Extras;
import org.vigil.cib.model.Lrm;
import org.vigil.cib.model.LrmResource;
import org.vigil.cib.model.LrmRscOp;
import org.vigil.cib.model.NodeState;
import org.vigil.cib.model.Status;
import org.vigil.cib.model.TicketState;
import org.vigil.cib.model.TransientAttributes;

/**
 * Reads a CIB's {@code <status>} straight from the parser's start tags into the model: node
 * states, their resource histories and operations, without an {@link XmlElement} for each of
 * the hundreds of thousands of operations a large cluster records. It gives the records
 * {@link CibReader} makes of the element tree, to the attribute and the order of extras;
 * what it does not type (transient attributes, tickets, unknown elements) it takes from the
 * parser as elements and hands to {@link CibReader}.
 *
 * <p>Each method starts with the parser on the element's start tag, read, and returns with
 * the parser past the element's end.
 */
final class StatusSection {
  private final XmlParser x;
  private final CibReader reader;
  /** Positions of the current start tag's attributes that no field takes. */
  private int[] unread = new int[16];
  private int unreadCount;

  StatusSection(XmlParser parser, CibReader reader) {
    this.x = parser;
    this.reader = reader;
  }

  /**
   * The {@code <status>} element: no attribute of its own, so all of them are extras. When
   * what follows its start tag is longer than {@code parallelAbove} bytes, a second thread
   * reads the node states of the second half (from a {@code <node_state} near the middle)
   * while this one reads the first half; should that place turn out not to start a child of
   * the status section (it was in a comment, say), this thread reads on alone. Either way
   * the records, their order and the first error are those of one thread reading it all.
   */
  Status read(int parallelAbove) throws XmlParseException {
    unreadCount = 0;
    for (int i = 0; i < x.attrCount(); i++) {
      unread(i);
    }
    AttributeMap attrs = unreadAttributes();
    Children children = new Children();
    if (!x.tagEmpty()) {
      int boundary = x.remaining() > parallelAbove ? x.nodeStateNear(x.position() + x.remaining() / 2) : -1;
      if (boundary < 0) {
        children(children, -1, null);
      } else {
        SecondHalf second = new SecondHalf(x.fork(), reader, boundary);
        Thread thread = new Thread(second.task, "cib-status-reader");
        thread.setDaemon(true);
        thread.start();
        try {
          if (children(children, boundary, null)) {
            second.joinInto(children, x);
            children(children, -1, null);
          }
        } finally {
          second.cancel.set(true);
        }
      }
      x.endTag("status");
    }
    return new Status(children.states, children.tickets, children.hasTickets, extras(attrs, children.others));
  }

  /** The children of a status section, as read so far. */
  private static final class Children {
    final List<NodeState> states = new ArrayList<>();
    final List<TicketState> tickets = new ArrayList<>();
    List<XmlElement> others;
    boolean hasTickets;

    void addAll(Children more) {
      states.addAll(more.states);
      tickets.addAll(more.tickets);
      if (more.others != null) {
        others = others == null ? new ArrayList<>() : others;
        others.addAll(more.others);
      }
      hasTickets |= more.hasTickets;
    }
  }

  /**
   * Reads the status section's children up to its end tag, or up to the child that starts at
   * {@code boundary}: says whether it stopped there. Stops early, saying false, once
   * {@code cancel} is set.
   */
  private boolean children(Children into, int boundary, AtomicBoolean cancel) throws XmlParseException {
    while (!x.toNextTag("status", null)) {
      if (x.position() == boundary) {
        return true;
      }
      if (cancel != null && cancel.get()) {
        return false;
      }
      x.startTag();
      String name = x.tagName();
      if (name == "node_state") { // names are interned
        into.states.add(nodeState());
      } else if (name == "tickets") {
        into.hasTickets = true;
        into.tickets.addAll(reader.ticketStates(x.element(false)));
      } else {
        into.others = add(into.others, x.element(false));
      }
    }
    return false;
  }

  /** The second half of a status section, read by another thread from a parser of its own. */
  private static final class SecondHalf {
    final AtomicBoolean cancel = new AtomicBoolean();
    final FutureTask<Children> task;
    private final XmlParser parser;

    SecondHalf(XmlParser parser, CibReader reader, int boundary) {
      this.parser = parser;
      this.task = new FutureTask<>(() -> {
        parser.skipTo(boundary);
        Children children = new Children();
        new StatusSection(parser, reader).children(children, -1, cancel);
        return children;
      });
    }

    /** Waits for the second half, adds its children to {@code into} and moves {@code x} to where it ended. */
    void joinInto(Children into, XmlParser x) throws XmlParseException {
      Children rest = null;
      boolean interrupted = false;
      try {
        while (rest == null) {
          try {
            rest = task.get();
          } catch (InterruptedException e) {
            interrupted = true; // reading never answered interrupts: it finishes, the flag stays set
          }
        }
      } catch (ExecutionException e) {
        if (e.getCause() instanceof XmlParseException xe) {
          throw xe;
        }
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(e.getCause());
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      into.addAll(rest);
      x.continueFrom(parser);
    }
  }

  private NodeState nodeState() throws XmlParseException {
    String id = null;
    String uname = null;
    String inCcm = null;
    String crmd = null;
    String join = null;
    String expected = null;
    unreadCount = 0;
    for (int i = 0; i < x.attrCount(); i++) {
      switch (x.attrName(i)) {
        case "id" -> id = x.value(i);
        case "uname" -> uname = x.value(i);
        case "in_ccm" -> inCcm = x.value(i);
        case "crmd" -> crmd = x.value(i);
        case "join" -> join = x.value(i);
        case "expected" -> expected = x.value(i);
        default -> unread(i);
      }
    }
    AttributeMap attrs = unreadAttributes();
    TransientAttributes transients = null;
    boolean transientsRead = false;
    Lrm lrm = null;
    List<XmlElement> others = null;
    if (!x.tagEmpty()) {
      while (!x.toNextTag("node_state", null)) {
        x.startTag();
        String name = x.tagName();
        if (name == "transient_attributes" && !transientsRead) {
          transientsRead = true;
          transients = reader.transientAttributes(x.element(false));
        } else if (name == "lrm" && lrm == null) {
          lrm = lrm();
        } else {
          others = add(others, x.element(false));
        }
      }
      x.endTag("node_state");
    }
    return new NodeState(id, uname, inCcm, crmd, join, expected, transients, lrm, extras(attrs, others));
  }

  private Lrm lrm() throws XmlParseException {
    String id = null;
    unreadCount = 0;
    for (int i = 0; i < x.attrCount(); i++) {
      if (x.attrName(i) == "id") {
        id = x.value(i);
      } else {
        unread(i);
      }
    }
    AttributeMap attrs = unreadAttributes();
    boolean resourcesRead = false;
    String resourcesId = null;
    List<LrmResource> resources = new ArrayList<>();
    List<XmlElement> others = null;
    if (!x.tagEmpty()) {
      while (!x.toNextTag("lrm", null)) {
        x.startTag();
        if (x.tagName() == "lrm_resources" && !resourcesRead) {
          resourcesRead = true;
          resourcesId = attr("id");
          lrmResources(resources);
        } else {
          others = add(others, x.element(false));
        }
      }
      x.endTag("lrm");
    }
    return new Lrm(id, resourcesId, resources, extras(attrs, others));
  }

  /** The {@code lrm_resource}s in {@code <lrm_resources>}; its other attributes and children are dropped. */
  private void lrmResources(List<LrmResource> into) throws XmlParseException {
    if (x.tagEmpty()) {
      return;
    }
    while (!x.toNextTag("lrm_resources", null)) {
      x.startTag();
      if (x.tagName() == "lrm_resource") {
        into.add(lrmResource());
      } else {
        x.element(false);
      }
    }
    x.endTag("lrm_resources");
  }

  private LrmResource lrmResource() throws XmlParseException {
    String id = null;
    String type = null;
    String resourceClass = null;
    String provider = null;
    String container = null;
    unreadCount = 0;
    for (int i = 0; i < x.attrCount(); i++) {
      switch (x.attrName(i)) {
        case "id" -> id = x.value(i);
        case "type" -> type = x.value(i);
        case "class" -> resourceClass = x.value(i);
        case "provider" -> provider = x.value(i);
        case "container" -> container = x.value(i);
        default -> unread(i);
      }
    }
    AttributeMap attrs = unreadAttributes();
    List<LrmRscOp> ops = new ArrayList<>();
    List<XmlElement> others = null;
    if (!x.tagEmpty()) {
      while (!x.toNextTag("lrm_resource", null)) {
        x.startTag();
        if (x.tagName() == "lrm_rsc_op") {
          ops.add(lrmRscOp());
        } else {
          others = add(others, x.element(false));
        }
      }
      x.endTag("lrm_resource");
    }
    return new LrmResource(id, type, resourceClass, provider, container, ops, extras(attrs, others));
  }

  /**
   * One operation. A numeric attribute whose value is not a number (in range) stays in extras
   * as written and leaves the typed field null, as {@link CibReader} does.
   */
  private LrmRscOp lrmRscOp() throws XmlParseException {
    String id = null;
    String operationKey = null;
    String operation = null;
    Long interval = null;
    Integer rcCode = null;
    Integer opStatus = null;
    Integer callId = null;
    String transitionKey = null;
    String transitionMagic = null;
    String opDigest = null;
    Long lastRcChange = null;
    Long lastRun = null;
    Long execTime = null;
    Long queueTime = null;
    String exitReason = null;
    String onNode = null;
    String crmFeatureSet = null;
    unreadCount = 0;
    for (int i = 0; i < x.attrCount(); i++) {
      switch (x.attrName(i)) {
        case "id" -> id = x.uniqueValue(i);
        case "operation_key" -> operationKey = x.uniqueValue(i);
        case "operation" -> operation = x.value(i);
        case "transition-key" -> transitionKey = x.uniqueValue(i);
        case "transition-magic" -> transitionMagic = x.uniqueValue(i);
        case "op-digest" -> opDigest = x.value(i);
        case "exit-reason" -> exitReason = x.value(i);
        case "on_node" -> onNode = x.value(i);
        case "crm_feature_set" -> crmFeatureSet = x.value(i);
        case "interval" -> {
          interval = x.number(i, Long.MIN_VALUE, Long.MAX_VALUE);
          if (interval == null) {
            unread(i);
          }
        }
        case "rc-code" -> {
          rcCode = integer(i);
          if (rcCode == null) {
            unread(i);
          }
        }
        case "op-status" -> {
          opStatus = integer(i);
          if (opStatus == null) {
            unread(i);
          }
        }
        case "call-id" -> {
          callId = integer(i);
          if (callId == null) {
            unread(i);
          }
        }
        case "last-rc-change" -> {
          lastRcChange = x.number(i, Long.MIN_VALUE, Long.MAX_VALUE);
          if (lastRcChange == null) {
            unread(i);
          }
        }
        case "last-run" -> {
          lastRun = x.number(i, Long.MIN_VALUE, Long.MAX_VALUE);
          if (lastRun == null) {
            unread(i);
          }
        }
        case "exec-time" -> {
          execTime = x.number(i, Long.MIN_VALUE, Long.MAX_VALUE);
          if (execTime == null) {
            unread(i);
          }
        }
        case "queue-time" -> {
          queueTime = x.number(i, Long.MIN_VALUE, Long.MAX_VALUE);
          if (queueTime == null) {
            unread(i);
          }
        }
        default -> unread(i);
      }
    }
    AttributeMap attrs = unreadAttributes();
    List<XmlElement> children = null;
    if (!x.tagEmpty()) {
      while (!x.toNextTag("lrm_rsc_op", null)) {
        x.startTag();
        children = add(children, x.element(false));
      }
      x.endTag("lrm_rsc_op");
    }
    return new LrmRscOp(id, operationKey, operation, interval, rcCode, opStatus, callId, transitionKey,
        transitionMagic, opDigest, lastRcChange, lastRun, execTime, queueTime, exitReason, onNode, crmFeatureSet,
        extras(attrs, children));
  }

  private Integer integer(int i) {
    Long v = x.number(i, Integer.MIN_VALUE, Integer.MAX_VALUE);
    return v == null ? null : v.intValue();
  }

  /** The value of the current start tag's attribute {@code name}, or null. */
  private String attr(String name) {
    for (int i = 0; i < x.attrCount(); i++) {
      if (x.attrName(i) == name) {
        return x.value(i);
      }
    }
    return null;
  }

  /** Marks attribute {@code i} of the current start tag as one for extras. */
  private void unread(int i) {
    if (unreadCount == unread.length) {
      unread = Arrays.copyOf(unread, unreadCount * 2);
    }
    unread[unreadCount++] = i;
  }

  /** The attributes marked for extras, in document order (null: none); to be taken before the next start tag. */
  private AttributeMap unreadAttributes() {
    return unreadCount == 0 ? null : x.attributes(unread, unreadCount);
  }

  private static List<XmlElement> add(List<XmlElement> list, XmlElement e) {
    List<XmlElement> out = list == null ? new ArrayList<>() : list;
    out.add(e);
    return out;
  }

  private static Extras extras(AttributeMap attrs, List<XmlElement> children) {
    if (attrs == null && children == null) {
      return Extras.NONE;
    }
    return new Extras(attrs == null ? Map.of() : attrs, children == null ? List.of() : children);
  }
}
