package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.pe.GraphAction;
import org.vigil.pe.Transition;

/**
 * A promotable clone "ms" of Stateful "st" runs unpromoted on node1 and node2; node1 has a
 * promotion score, so st is promoted there.
 */
class NotificationsTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  private static Transition schedule(String notify) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='c'><nvpair id='s' name='stonith-enabled'"
        + " value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes>"
        + "<resources><clone id='ms'><meta_attributes id='mm'><nvpair id='p' name='promotable' value='true'/>"
        + "<nvpair id='n' name='notify' value='" + notify + "'/></meta_attributes>"
        + "<primitive id='st' class='ocf' provider='pacemaker' type='Stateful'/></clone></resources>"
        + "<constraints/></configuration><status>" + node("1", "10") + node("2", null) + "</status></cib>";
    return SchedulingFixture.transition(xml, NOW);
  }

  private static String node(String id, String promotionScore) {
    String attrs = promotionScore == null ? "" : "<transient_attributes id='" + id + "'><instance_attributes id='t"
        + id + "'><nvpair id='m" + id + "' name='master-st' value='" + promotionScore + "'/></instance_attributes>"
        + "</transient_attributes>";
    return "<node_state id='" + id + "' uname='node" + id + "' in_ccm='true' crmd='online' join='member'"
        + " expected='member'>" + attrs + "<lrm id='" + id + "'><lrm_resources><lrm_resource id='st' class='ocf'"
        + " provider='pacemaker' type='Stateful'><lrm_rsc_op id='o" + id + "' operation_key='st_start_0'"
        + " operation='start' interval='0' call-id='2' rc-code='0' op-status='0' transition-key='1:1:0:x'/>"
        + "</lrm_resource></lrm_resources></lrm></node_state>";
  }

  private static GraphAction action(Transition t, String key, String node) {
    return t.actions().stream().filter(a -> key.equals(a.operationKey()) && java.util.Objects.equals(node, a.node()))
        .findFirst().orElseThrow(() -> new AssertionError(key + " on " + node + " in " + t.actions()));
  }

  private static List<GraphAction> notifies(Transition t, String type) {
    return t.actions().stream().filter(a -> a.task().equals("notify"))
        .filter(a -> type.equals(a.attributes().get("notify_type"))).toList();
  }

  @Test
  void aPromotionIsNotifiedBeforeAndAfterOnEveryActiveInstance() {
    Transition t = schedule("true");
    GraphAction pre = action(t, "ms_pre_notify_promote_0", null);
    GraphAction confirmedPre = action(t, "ms_confirmed-pre_notify_promote_0", null);
    GraphAction promote = t.actions().stream().filter(a -> a.task().equals("promote") && "node1".equals(a.node()))
        .findFirst().orElseThrow();
    GraphAction post = action(t, "ms_post_notify_promoted_0", null);
    GraphAction confirmedPost = action(t, "ms_confirmed-post_notify_promoted_0", null);

    List<GraphAction> before = notifies(t, "pre");
    List<GraphAction> after = notifies(t, "post");
    assertThat(before).extracting(GraphAction::node).containsExactlyInAnyOrder("node1", "node2");
    assertThat(after).extracting(GraphAction::node).containsExactlyInAnyOrder("node1", "node2");
    for (GraphAction n : before) {
      assertThat(n.predecessors()).contains(pre.id());
      assertThat(confirmedPre.predecessors()).contains(n.id());
      assertThat(n.id()).isLessThan(promote.id());
    }
    for (GraphAction n : after) {
      assertThat(n.predecessors()).contains(post.id());
      assertThat(confirmedPost.predecessors()).contains(n.id());
      assertThat(n.id()).isGreaterThan(promote.id());
    }
    GraphAction onNode2 = before.stream().filter(a -> a.node().equals("node2")).findFirst().orElseThrow();
    assertThat(onNode2.attributes())
        .containsEntry("notify_operation", "promote")
        .containsEntry("notify_promote_uname", "node1")
        .containsEntry("notify_active_uname", "node1 node2")
        .containsEntry("notify_unpromoted_uname", "node1 node2")
        .containsEntry("notify_promoted_resource", "")
        .containsEntry("notify_all_uname", "node1 node2");
    assertThat(onNode2.attributes().get("notify_promote_resource")).matches("st:[01]");
  }

  @Test
  void withoutNotifyThereAreNoNotifications() {
    Transition t = schedule("false");
    assertThat(t.actions()).extracting(GraphAction::task).contains("promote").doesNotContain("notify");
    assertThat(t.actions()).extracting(GraphAction::operationKey).noneMatch(k -> k != null && k.contains("notify"));
  }
}
