package org.vigil.crmsh.configure.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.cib.model.Cib;

/** print(parse(x)) == x: statements as {@code crm configure show} prints them read back unchanged. */
class SyntaxRoundTripTest {
  /** A configuration in crmsh's show order, every statement in the form crmsh prints it. */
  private static final String SHOWN = """
      node node1
      node 2: node2 \\
      \tdescription="second node" \\
      \tattributes standby=off \\
      \tutilization memory=1024
      node remote1:remote
      rsc_template tpl Dummy \\
      \tparams fake=1
      primitive db lsb:mysqld \\
      \top monitor interval=15s \\
      \top_params depth=1 \\
      \top_meta foo=bar
      primitive drbd ocf:linbit:drbd \\
      \tparams drbd_resource=r0 \\
      \top monitor interval=29s role=Promoted \\
      \top monitor interval=31s role=Unpromoted
      primitive fs Filesystem \\
      \tparams device="/dev/drbd0" directory="/srv" fstype=ext4 options="rw,noatime" \\
      \top monitor interval=20 timeout=40 on-fail=restart start-delay=5 \\
      \top_params OCF_CHECK_LEVEL=10
      primitive quoted Dummy \\
      \tparams fake="a \\"b\\" c" state=""
      primitive st stonith:fence_xvm \\
      \tparams pcmk_host_list="node1 node2"
      primitive t1 @tpl
      primitive vip IPaddr2 \\
      \tparams ip=10.0.0.8 cidr_netmask=24 \\
      \top monitor interval=10s timeout=20s \\
      \top start timeout=30s interval=0 \\
      \tmeta target-role=Started \\
      \tutilization cpu=1
      bundle web \\
      \tdocker image=nginx replicas=2 \\
      \tnetwork ip-range-start=10.0.0.1 port-mapping id=web-port port=80 \\
      \tstorage storage-mapping id=web-data source-dir="/srv" target-dir="/srv" options=rw \\
      \tprimitive t1
      group g fs vip \\
      \tmeta target-role=Started
      ms legacy_ms quoted
      clone drbd-clone drbd \\
      \tmeta promotable=true notify=true clone-max=2
      tag tg db vip
      colocation c_sets inf: db ( fs vip )
      colocation c_sets2 inf: [ db st ] drbd-clone:Promoted
      location cli-prefer-db db role=Started 100: node1
      colocation fs_with_drbd inf: g drbd-clone:Promoted
      location l_date db \\
      \trule -inf: date spec hours=9-16 weekdays=1-5
      location l_discovery st resource-discovery=never -inf: node2
      location l_in db \\
      \trule date in start=2023-01-01 end=2024-01-01
      location l_ping g \\
      \trule -inf: not_defined pingd or pingd lte 0
      location l_promoted g role=Promoted \\
      \trule 50: #uname eq node1 and foo number:gt 3
      location l_score_attr g \\
      \trule pingd: defined pingd
      location l_two db \\
      \trule 10: #uname eq node1 \\
      \trule -inf: #uname eq node2
      order o_drbd Mandatory: drbd-clone:promote g:start
      order o_optional Optional: db g symmetrical=false
      order o_plain db g
      order o_score 100: db st
      order o_sets Mandatory: db [ fs vip ] drbd-clone:promote
      colocation z_neg -100: db st
      fencing_topology \\
      \tnode1: st \\
      \tnode2: st,st
      rsc_ticket tk ticketA: db loss-policy=stop
      property cib-bootstrap-options: \\
      \tstonith-enabled=false \\
      \tno-quorum-policy=ignore
      property other: \\
      \tcluster-name=test
      rsc_defaults rsc-options: \\
      \tresource-stickiness=100
      op_defaults op-options: \\
      \ttimeout=60s
      role r1 \\
      \twrite xpath:"//crm_config" \\
      \tread ref:db
      acl_target alice \\
      \tr1
      alert a1 "/usr/bin/alert.sh" \\
      \tmeta timeout=10s \\
      \tselect nodes fencing \\
      \tto "/var/log/x.log" meta timeout=5s
      """;

  @Test
  void aWholeConfigurationPrintsBackAsItWasWritten() {
    Workspace w = new Workspace(Cib.empty(), AgentCatalog.ANY);
    w.replaceAll(Lexer.statements(SHOWN));
    assertThat(Printer.print(w.configuration())).isEqualTo(SHOWN);
  }

  @Test
  void everyStatementReadsBackToTheSameElements() {
    Workspace w = new Workspace(Cib.empty(), AgentCatalog.ANY);
    w.replaceAll(Lexer.statements(SHOWN));
    Workspace again = new Workspace(w.candidate(), AgentCatalog.ANY);
    again.replaceAll(Lexer.statements(Printer.print(w.configuration())));
    assertThat(again.entries()).containsExactlyInAnyOrderElementsOf(w.entries());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "location l1 vip 100: node1",
      "location l2 vip -inf: node1",
      "location l3 /^vip/ inf: node1",
      "colocation c inf: vip:Started db",
      "order o Serialize: vip db",
      "order o Mandatory: vip:stop db:stop",
      "rsc_ticket t tk: vip:Promoted db loss-policy=demote",
      "tag t vip db",
  })
  void singleLines(String line) {
    Workspace w = new Workspace(Cib.empty(), AgentCatalog.ANY);
    w.replaceAll(Lexer.statements("primitive db Dummy\nprimitive vip Dummy\n" + line));
    String id = line.split(" ")[1];
    assertThat(Printer.print(w.entry(id).orElseThrow())).isEqualTo(line);
  }

  @Test
  void idsAreTheOnesCrmshGenerates() {
    Workspace w = new Workspace(Cib.empty(), AgentCatalog.ANY);
    w.replaceAll(Lexer.statements("""
        primitive vip IPaddr2 params ip=10.0.0.8 op monitor interval=10s op_params depth=1 meta target-role=Started
        location loc vip rule -inf: not_defined pingd or pingd lte 0
        """));
    String xml = w.configuration().toString();
    for (String id : List.of("vip-instance_attributes", "vip-instance_attributes-ip", "vip-monitor-10s",
        "vip-monitor-10s-instance_attributes", "vip-monitor-10s-instance_attributes-depth", "vip-meta_attributes",
        "vip-meta_attributes-target-role", "loc-rule", "loc-rule-expression", "loc-rule-expression-0")) {
      assertThat(xml).contains("id=\"" + id + "\"");
    }
  }
}
