package org.vigil.membership.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.vigil.membership.MembershipEvent;
import org.vigil.membership.MembershipListener;
import org.vigil.membership.Node;

/** Keeps every event and message a node delivered, for assertions. */
final class Recorder implements MembershipListener {

    record Received(Node from, byte[] payload) {
        String text() {
            return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    final List<MembershipEvent> events = new CopyOnWriteArrayList<>();
    final List<Received> messages = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(MembershipEvent event) {
        events.add(event);
    }

    @Override
    public void onMessage(Node from, byte[] payload) {
        messages.add(new Received(from, payload));
    }

    <T extends MembershipEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<String> texts() {
        return messages.stream().map(Received::text).toList();
    }
}
