package org.vigil.controller.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.controller.transition.ActionOutcome;
import org.vigil.controller.transition.ActionReport;
import org.vigil.controller.transition.ActionResult;
import org.vigil.controller.transition.ExecutedOperation;
import org.vigil.controller.transition.StatusChange;
import org.vigil.controller.transition.TransitionKey;

class TransitionCodecTest {
  private static final TransitionKey KEY = new TransitionKey(12, 4, 7, "5c6bd1ba-52a5");

  @Test
  void runRequestsRoundTrip() throws Exception {
    RunRequest r = new RunRequest(12, new PlannedOperation("ping:0", "ocf", null, "ping", "cancel", 10000, 20000,
        Map.of("host_list", "10.0.0.1 10.0.0.2", "multiplier", "1000"), Map.of("clone", "0", "op_target_rc", "7")), KEY);
    assertThat(TransitionCodec.decodeRun(TransitionCodec.encode(r))).isEqualTo(r);
    assertThat(TransitionCodec.isRunRequest(TransitionCodec.encode(r))).isTrue();
    assertThat(TransitionCodec.isTransitionMessage(new byte[] {(byte) 0xC1, 1, 1})).isFalse();
  }

  @Test
  void reportsWithEveryOutcomeAndChangeRoundTrip() throws Exception {
    ExecutedOperation e = new ExecutedOperation("n1", "db", "ocf", "pacemaker", "Dummy", "monitor", 10000, 7, 0, null,
        31, 1_700_000_000L, 12, 3, "0123456789abcdef0123456789abcdef", KEY);
    List<StatusChange> all = List.of(new StatusChange.OperationRecorded(e),
        new StatusChange.RecurringCancelled("n1", "db", "monitor", 10000), new StatusChange.FailuresCleared("n2", "db"),
        new StatusChange.HistoryForgotten("n2", "web"), new StatusChange.NodeFenced("n3"), new StatusChange.NodeJoined("n1"));
    for (ActionOutcome o : List.of(new ActionOutcome.Completed(12, 7), new ActionOutcome.Failed(12, 5, "not installed"),
        new ActionOutcome.TimedOut(12))) {
      ActionReport r = new ActionReport(KEY, new ActionResult(o, all));
      assertThat(TransitionCodec.decodeReport(TransitionCodec.encode(r))).isEqualTo(r);
    }
    assertThat(TransitionCodec.decodeChanges(TransitionCodec.encode(all))).isEqualTo(all);
    byte[] report = TransitionCodec.encode(new ActionReport(KEY, new ActionResult(new ActionOutcome.TimedOut(1), all)));
    assertThat(TransitionCodec.isTransitionMessage(report)).isTrue();
    assertThat(TransitionCodec.isRunRequest(report)).isFalse();
  }

  @Test
  void malformedBytesAreRefused() {
    byte[] good = TransitionCodec.encode(new ActionReport(KEY, new ActionResult(ActionOutcome.succeeded(1), List.of())));
    assertThatThrownBy(() -> TransitionCodec.decodeReport(Arrays.copyOf(good, good.length - 2)))
        .isInstanceOf(TransitionCodec.MalformedException.class).hasMessage("message cut short");
    assertThatThrownBy(() -> TransitionCodec.decodeReport(Arrays.copyOf(good, good.length + 1)))
        .hasMessage("1 bytes left after the message");
    assertThatThrownBy(() -> TransitionCodec.decodeRun(good)).hasMessage("expected a message of kind 1, got 2");
    byte[] wrong = good.clone();
    wrong[0] = 0;
    assertThatThrownBy(() -> TransitionCodec.decodeReport(wrong)).hasMessage("not a transition message of layout 1");
    byte[] badOutcome = good.clone();
    badOutcome[3 + 12 + 2 + KEY.uuid().length()] = (byte) 9;
    assertThatThrownBy(() -> TransitionCodec.decodeReport(badOutcome)).hasMessage("unknown outcome kind 9");
  }
}
