package dev.layerscope.web;

import dev.layerscope.session.SessionRegistry;
import dev.layerscope.session.TrainingPool;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.session.NullSessionCache;
import org.eclipse.jetty.session.NullSessionDataStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Layerscope web server: the page, the REST API and the live WebSocket. Built without starting,
 * so tests can start it on port 0 and read {@link #port()}.
 */
public final class Server implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    /** Jetty closes a socket (1009) on a text message longer than this; our own limit is lower and keeps it open. */
    private static final long JETTY_MAX_TEXT_BYTES = 1024 * 1024;
    /** Jetty closes a socket that neither sends nor receives for this long; pings keep live ones busy. */
    private static final Duration SOCKET_IDLE_TIMEOUT = Duration.ofMinutes(5);
    private static final long CHANNEL_SWEEP_SECONDS = 60;

    private final ServerSettings settings;
    private final TrainingPool pool;
    private final SessionRegistry registry;
    private final ExecutorService writers;
    private final ScheduledExecutorService timer;
    private final Javalin app;
    private volatile SessionHandler httpSessions;

    public Server(ServerSettings settings) {
        this.settings = settings;
        this.pool = new TrainingPool(settings.trainingThreads());
        this.registry = new SessionRegistry(settings.limits(), pool, settings.defaultEpochsPerSecond());
        this.writers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                daemonThreads("layerscope-writer"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("layerscope-socket-timer"));
        SocketHandler sockets = new SocketHandler(registry, settings, writers, timer);
        timer.scheduleAtFixedRate(sockets::removeClosedChannels, CHANNEL_SWEEP_SECONDS, CHANNEL_SWEEP_SECONDS,
                TimeUnit.SECONDS);
        SessionRoutes sessions = new SessionRoutes(registry);
        MetaRoutes meta = new MetaRoutes(registry, BuildInfo.load());
        DatasetRoutes datasets = new DatasetRoutes(registry, pool.buildExecutor());
        this.app = Javalin.create(config -> configure(config, new Routes(sessions, meta, datasets, sockets)));
    }

    /** The handlers, grouped so that configuration methods take one argument. */
    private record Routes(SessionRoutes sessions, MetaRoutes meta, DatasetRoutes datasets, SocketHandler sockets) {
    }

    private void configure(JavalinConfig config, Routes routes) {
        config.startup.showJavalinBanner = false;
        config.http.maxRequestSize = Math.max(settings.limits().maxUploadBytes(), settings.limits().maxMessageBytes());
        // A known path with another method gets 405 and an Allow header instead of "not found".
        config.http.prefer405over404 = true;
        config.staticFiles.enableWebjars();
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/web";
            files.location = Location.CLASSPATH;
        });
        SecurityHeaders headers = new SecurityHeaders(settings.frameAncestors());
        config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler(headers)));
        config.jetty.modifyServletContextHandler(handler -> keepNoHttpSessions(handler.getSessionHandler()));
        config.jetty.modifyWebSocketServletFactory(factory -> {
            factory.setMaxTextMessageSize(JETTY_MAX_TEXT_BYTES);
            factory.setIdleTimeout(SOCKET_IDLE_TIMEOUT);
        });
        configureRoutes(config, routes);
    }

    /**
     * Makes Jetty forget every HTTP session when its request ends. Layerscope uses none, but Javalin
     * 7.2 creates one on every WebSocket upgrade (it reads the session's attributes), and Jetty's
     * default cache keeps sessions in memory and never expires them, so each connection ever made
     * stayed on the heap.
     */
    private void keepNoHttpSessions(SessionHandler sessions) {
        NullSessionCache cache = new NullSessionCache(sessions);
        cache.setSessionDataStore(new NullSessionDataStore());
        sessions.setSessionCache(cache);
        httpSessions = sessions;
    }

    private void configureRoutes(JavalinConfig config, Routes routes) {
        SessionRoutes sessions = routes.sessions();
        MetaRoutes meta = routes.meta();
        SecurityHeaders headers = new SecurityHeaders(settings.frameAncestors());
        config.routes.before(headers::apply);
        getAndHead(config, "/health", meta::health);
        getAndHead(config, "/api/meta", meta::meta);
        getAndHead(config, "/api/presets/{name}", meta::preset);
        config.routes.post("/api/sessions", sessions::create);
        getAndHead(config, "/api/sessions/{id}", sessions::describe);
        config.routes.post("/api/sessions/{id}/fork", sessions::fork);
        getAndHead(config, "/api/sessions/{id}/history.jsonl", sessions::historyJsonLines);
        getAndHead(config, "/api/sessions/{id}/history.csv", sessions::historyCsv);
        getAndHead(config, "/", ctx -> page(ctx, "/web/index.html"));
        getAndHead(config, "/embed", ctx -> page(ctx, "/web/embed.html"));
        config.routes.post("/api/datasets", routes.datasets()::upload);
        config.routes.ws("/ws/sessions/{id}", routes.sockets()::configure);
        config.routes.exception(Exception.class, (e, ctx) -> HttpResponses.error(ctx, e));
        config.routes.error(405, ctx -> HttpResponses.json(ctx, 405, HttpError.of("method not allowed on this path",
                "method", ctx.method().name(), ctx.res().getHeader("Allow") + " (docs/protocol.md lists every endpoint)")));
        config.routes.error(404, ctx -> {
            // Handlers that reject a request with 404 have written a JSON body already; Javalin's own is text.
            String contentType = ctx.res().getContentType();
            if (contentType == null || !contentType.startsWith("application/json")) {
                HttpResponses.json(ctx, 404, HttpError.of("not found", "path", SessionRoutes.shorten(ctx.path()),
                        "a path listed in docs/protocol.md"));
            }
        });
    }

    /**
     * Routes GET and HEAD of {@code path} to {@code handler}. Without its own HEAD route, Javalin 7.2.3
     * responds to HEAD with an empty 200 without running the handler, even for an unknown session. Jetty
     * drops the body of a HEAD response and keeps its status and headers.
     */
    private static void getAndHead(JavalinConfig config, String path, Handler handler) {
        config.routes.get(path, handler);
        config.routes.head(path, handler);
    }

    /** Starts listening on the configured host and port; returns this server. */
    public Server start() {
        app.start(settings.host(), settings.port());
        LOG.info("Layerscope listening on http://{}:{}/ ({} training threads)", settings.host(), port(),
                settings.trainingThreads());
        return this;
    }

    /** Returns the port the server listens on once started (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** Returns whether the server keeps the HTTP session {@code id} in memory; for tests. */
    boolean keepsHttpSession(String id) {
        return httpSessions.getManagedSession(id) != null;
    }

    public SessionRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        registry.close();
        app.stop();
        timer.shutdownNow();
        writers.shutdownNow();
        pool.close();
        LOG.info("Layerscope stopped");
    }

    private static void page(Context ctx, String resource) throws IOException {
        try (InputStream in = Server.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new HttpException(404, HttpError.of("the page is not part of this build", "path", ctx.path(),
                        "a build that includes the web/ folder"));
            }
            ctx.contentType("text/html; charset=utf-8");
            ctx.result(in.readAllBytes());
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
