package dev.mcpfleet.runtime.protocol;

import dev.mcpfleet.runtime.protocol.session.Session;
import dev.mcpfleet.runtime.spi.CallContext;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a request to its method, in the revision it speaks: a method a revision does not define is
 * "method not found" (HTTP 404 in 2026-07-28). Non-blocking methods are answered on the event loop;
 * blocking ones on a virtual thread of their own.
 */
final class Dispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  /** In which revisions a method exists. */
  enum Era {
    LEGACY,
    STATELESS,
    BOTH
  }

  private record Route(Method method, Era era) {
    boolean servedIn(Revision revision) {
      return era == Era.BOTH || (era == Era.STATELESS) == revision.stateless();
    }
  }

  private final Map<String, Route> routes = new HashMap<>();
  private final McpServices services;

  Dispatcher(McpServices services) {
    this.services = services;
  }

  Dispatcher route(String name, Era era, Method method) {
    routes.put(name, new Route(method, era));
    return this;
  }

  void dispatch(RequestContext ctx) {
    Route route = routes.get(ctx.method());
    if (route == null || !route.servedIn(ctx.revision())) {
      ctx.fail(McpError.methodNotFound(ctx.method(), ctx.revision().stateless()));
      return;
    }
    Session session = ctx.session();
    if (session != null) {
      session.started(ctx.id(), ctx::cancel);
    } else if (ctx.revision().stateless()) {
      // 2026-07-28: the client closing the response stream cancels the request.
      ctx.exchange().onAbort(ctx::cancel);
    }
    boolean blocking;
    try {
      blocking = route.method().blocking(ctx);
    } catch (McpError e) {
      finish(ctx, session);
      ctx.fail(e);
      return;
    }
    if (blocking) {
      services.blocking().execute(() -> run(ctx, route.method(), session, true));
    } else {
      run(ctx, route.method(), session, false);
    }
  }

  private static void run(RequestContext ctx, Method method, Session session, boolean blocking) {
    if (blocking) {
      ctx.runningOn(Thread.currentThread());
    }
    try {
      Result result = method.call(ctx);
      if (result != null) {
        ctx.reply(result);
      }
    } catch (McpError e) {
      ctx.fail(e);
    } catch (CallContext.MissingClientCapabilityException e) {
      ctx.fail(McpError.missingCapability(e.capability()));
    } catch (Exception | LinkageError e) {
      LOG.warn("{} failed", ctx.method(), e);
      ctx.fail(McpError.internal(ctx.method() + " failed inside the server; see its log"));
    } finally {
      ctx.runningOn(null);
      finish(ctx, session);
    }
  }

  private static void finish(RequestContext ctx, Session session) {
    if (session != null) {
      session.finished(ctx.id());
    }
  }
}
