package dev.cairn.registry.http.transport;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.util.List;

/**
 * Several receive listeners as one. Helidon 4.1.7 combines more than one listener given to {@code
 * Http1Config.addReceiveListener} into a composite that overrides none of the callbacks, so with
 * two listeners neither would ever be called: register this one instead.
 */
public final class ReceiveListeners implements Http1ConnectionListener {

  private final List<Http1ConnectionListener> listeners;

  private ReceiveListeners(List<Http1ConnectionListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  public static ReceiveListeners of(Http1ConnectionListener... listeners) {
    return new ReceiveListeners(List.of(listeners));
  }

  @Override
  public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
    listeners.forEach(l -> l.prologue(ctx, prologue));
  }

  @Override
  public void headers(ConnectionContext ctx, Headers headers) {
    listeners.forEach(l -> l.headers(ctx, headers));
  }
}
