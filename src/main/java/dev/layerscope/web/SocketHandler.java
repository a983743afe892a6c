package dev.layerscope.web;

import dev.layerscope.config.FieldError;
import dev.layerscope.session.Session;
import dev.layerscope.session.SessionRegistry;
import dev.layerscope.session.SessionSnapshot;
import dev.layerscope.stats.EpochStats;
import dev.layerscope.web.protocol.ClientMessage;
import dev.layerscope.web.protocol.ClientMessages;
import dev.layerscope.web.protocol.ErrorCode;
import dev.layerscope.web.protocol.Json;
import dev.layerscope.web.protocol.ProtocolException;
import dev.layerscope.web.protocol.ProtocolVersion;
import dev.layerscope.web.protocol.ServerMessage;
import dev.layerscope.web.protocol.StatsFrames;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The WebSocket endpoint {@code /ws/sessions/{id}}: admits connections, replies to {@code hello} with
 * the catch-up frames, and passes owner commands to {@link SocketCommands}. Runs on Jetty threads
 * and only queues work, so no client can hold up training or another client.
 */
final class SocketHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SocketHandler.class);

    private final SessionRegistry registry;
    private final ServerSettings settings;
    private final Executor writers;
    private final ScheduledExecutorService timer;
    private final SocketCommands commands;
    private final Map<String, SessionChannel> channels = new ConcurrentHashMap<>();
    private final Map<String, ClientState> clients = new ConcurrentHashMap<>();
    private final ConnectionCounts connectionsByAddress = new ConnectionCounts();

    /** The server's record of one connection. Jetty delivers its messages one at a time. */
    private static final class ClientState {
        final Connection connection;
        final RateLimiter rateLimiter;
        final Session session;
        final String address;
        volatile Subscriber subscriber;
        volatile boolean owner;

        ClientState(Connection connection, RateLimiter rateLimiter, Session session, String address) {
            this.connection = connection;
            this.rateLimiter = rateLimiter;
            this.session = session;
            this.address = address;
        }
    }

    SocketHandler(SessionRegistry registry, ServerSettings settings, Executor writers, ScheduledExecutorService timer) {
        this.registry = registry;
        this.settings = settings;
        this.writers = writers;
        this.timer = timer;
        this.commands = new SocketCommands(registry);
    }

    void configure(WsConfig ws) {
        ws.onConnect(this::onConnect);
        ws.onMessage(this::onMessage);
        ws.onBinaryMessage(ctx -> {
            ClientState client = clients.get(ctx.sessionId());
            if (client != null) {
                client.connection.send(Json.write(error(ErrorCode.MALFORMED, null, "binary frames are not part of the protocol",
                        "message", ctx.data().remaining() + " bytes", "JSON text frames")));
            }
        });
        ws.onClose(this::onClose);
        ws.onError(ctx -> LOG.debug("socket error: {}", String.valueOf(ctx.error())));
    }

    private void onConnect(WsConnectContext ctx) {
        ctx.enableAutomaticPings(settings.pingSeconds(), TimeUnit.SECONDS);
        String sessionId = ctx.pathParam("id");
        Connection connection = new Connection(ctx.session, sessionId, writers, settings.maxQueuedChars(),
                settings.sendTimeoutSeconds() * 1_000_000_000L);
        Session session = registry.find(sessionId).orElse(null);
        if (session == null || session.isClosed()) {
            connection.send(Json.write(error(ErrorCode.INVALID_FIELD, null, "session not found (unknown id, or expired)",
                    "id", sessionId, "the id of a live session")));
            connection.closeAfterQueued(CloseCodes.SESSION_NOT_FOUND, "session not found");
            return;
        }
        String address = clientAddress(ctx);
        int perClient = registry.limits().maxConnectionsPerClient();
        if (!connectionsByAddress.tryOpen(address, perClient)) {
            LOG.info("connection from {} to session {} rejected: {} open already", address, sessionId, perClient);
            connection.close(CloseCodes.TOO_MANY_VIEWERS, "this client address has " + perClient
                    + " connections open already (limit maxConnectionsPerClient)");
            return;
        }
        String socketId = ctx.sessionId();
        clients.put(socketId, new ClientState(connection, new RateLimiter(registry.limits().commandsPerSecond()), session,
                address));
        connection.onClosed(() -> forget(socketId));
        timer.schedule(() -> closeIfSilent(ctx.sessionId()), settings.helloTimeoutSeconds(), TimeUnit.SECONDS);
    }

    /** Returns the client's IP address as text, or the whole socket address when it is not an IP socket. */
    private static String clientAddress(WsConnectContext ctx) {
        SocketAddress remote = ctx.session.getRemoteSocketAddress();
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(remote);
    }

    private void closeIfSilent(String socketId) {
        ClientState client = clients.get(socketId);
        if (client != null && client.subscriber == null) {
            client.connection.close(CloseCodes.HELLO_TIMEOUT, "no hello within " + settings.helloTimeoutSeconds() + " s");
        }
    }

    private void onMessage(WsMessageContext ctx) {
        ClientState client = clients.get(ctx.sessionId());
        if (client == null) {
            return;
        }
        String text = ctx.message();
        String type = null;
        try {
            checkSize(text);
            if (!client.rateLimiter.tryAcquire()) {
                int dropped = client.rateLimiter.recordDrop();
                if (dropped == 0) {
                    return;
                }
                String dropCount = dropped == 1 ? "this one was dropped" : dropped + " were dropped since the last notice";
                throw new ProtocolException(ErrorCode.RATE_LIMITED, "too many messages; " + dropCount,
                        "type", "", "at most " + registry.limits().commandsPerSecond() + " messages per second");
            }
            ClientMessage message = ClientMessages.parse(text);
            type = typeName(message);
            handle(ctx, client, message);
        } catch (ProtocolException e) {
            client.connection.send(Json.write(error(e.code(), type, e.getMessage(), e.error())));
        }
    }

    private void handle(WsContext ctx, ClientState client, ClientMessage message) {
        if (message instanceof ClientMessage.Hello hello) {
            greet(ctx, client, hello);
        } else if (client.subscriber == null) {
            throw new ProtocolException(ErrorCode.HELLO_REQUIRED, "send hello before any other message", "type",
                    typeName(message), "hello");
        } else if (message instanceof ClientMessage.Ping) {
            client.connection.send(Json.write(new ServerMessage.Pong()));
        } else if (!client.owner) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "only the session's owner may send " + typeName(message)
                    + "; viewers may watch and fork", "type", typeName(message), "ping (viewers)");
        } else {
            commands.execute(client.session, message, frame -> client.connection.send(frame));
        }
    }

    private void greet(WsContext ctx, ClientState client, ClientMessage.Hello hello) {
        if (client.subscriber != null) {
            throw new ProtocolException(ErrorCode.INVALID_STATE, "hello was already received on this connection",
                    "type", "hello", "one hello per connection");
        }
        if (hello.protocolVersion() != ProtocolVersion.CURRENT) {
            client.connection.send(Json.write(error(ErrorCode.UNSUPPORTED_PROTOCOL, "hello", "unsupported protocol version",
                    "protocolVersion", Integer.toString(hello.protocolVersion()), Integer.toString(ProtocolVersion.CURRENT))));
            client.connection.closeAfterQueued(CloseCodes.UNSUPPORTED_PROTOCOL, "unsupported protocol version");
            return;
        }
        Session session = client.session;
        if (session.isClosed()) {
            client.connection.closeAfterQueued(CloseCodes.SESSION_NOT_FOUND, "session expired");
            return;
        }
        boolean owner = checkOwnerKey(client, hello.ownerKey());

        SessionChannel channel = channels.computeIfAbsent(session.id(), id -> new SessionChannel(session, timer));
        Subscriber subscriber = new Subscriber(client.connection, channel.frames(), owner ? null : channel.viewerPacing());
        if (!channel.join(subscriber, registry.limits().maxViewersPerSession())) {
            client.connection.close(CloseCodes.TOO_MANY_VIEWERS, "the session has "
                    + registry.limits().maxViewersPerSession() + " connections already (limit maxViewersPerSession)");
            return;
        }
        client.owner = owner;
        client.subscriber = subscriber;
        SessionSnapshot snapshot = session.subscribe(subscriber);
        subscriber.catchUp(welcomeFrame(session, snapshot, owner, channel.connectionCount()),
                StatsFrames.historyFrameIterator(snapshot.history()), latestDetail(channel.frames(), snapshot.history()),
                snapshot.prediction());
        LOG.debug("session {}: {} connected", session.id(), owner ? "owner" : "viewer");
    }

    /** Returns whether {@code ownerKey} makes the client the owner; a wrong key gets an error frame. */
    private static boolean checkOwnerKey(ClientState client, String ownerKey) {
        if (ownerKey == null) {
            return false;
        }
        if (client.session.isOwnerKey(ownerKey)) {
            return true;
        }
        client.connection.send(Json.write(error(ErrorCode.FORBIDDEN, "hello",
                "the owner key does not match this session; continuing as a viewer", "ownerKey", "(not shown)",
                "the key from this session's owner link")));
        return false;
    }

    private static String welcomeFrame(Session session, SessionSnapshot snapshot, boolean owner, int viewerCount) {
        return Json.write(new ServerMessage.Welcome(ProtocolVersion.CURRENT, session.id(), owner ? "owner" : "viewer",
                ConfigJson.tree(snapshot.config()), snapshot.state(), viewerCount));
    }

    /** Returns the detail frames of the newest snapshot, from the cache that the live frames share. */
    private static List<EncodedFrame> latestDetail(FrameCache frames, List<EpochStats> history) {
        return history.isEmpty() ? List.of() : frames.detailFrames(history.get(history.size() - 1));
    }

    private void onClose(WsCloseContext ctx) {
        ClientState client = clients.get(ctx.sessionId());
        if (client != null) {
            client.connection.close(CloseCodes.NORMAL, "closed");
        }
        forget(ctx.sessionId());
    }

    /** Removes a closed connection from its session; runs once whichever side closed first. */
    private void forget(String socketId) {
        ClientState client = clients.remove(socketId);
        if (client == null) {
            return;
        }
        connectionsByAddress.close(client.address);
        Subscriber subscriber = client.subscriber;
        if (subscriber != null) {
            client.session.unsubscribe(subscriber);
            SessionChannel channel = channels.get(client.session.id());
            if (channel != null) {
                channel.leave(subscriber);
            }
        }
    }

    /** Drops the channels of closed sessions; called periodically. */
    void removeClosedChannels() {
        channels.values().removeIf(channel -> channel.session().isClosed());
    }

    private void checkSize(String text) {
        int max = registry.limits().maxMessageBytes();
        if (text.length() > max / 3 && text.getBytes(StandardCharsets.UTF_8).length > max) {
            throw new ProtocolException(ErrorCode.TOO_LARGE, "the message is larger than " + max
                    + " bytes and was dropped", "message", text.getBytes(StandardCharsets.UTF_8).length + " bytes",
                    "up to " + max + " bytes (server limit maxMessageBytes)");
        }
    }

    static ServerMessage.Error error(ErrorCode code, String command, String message, String field, String value,
                                     String allowed) {
        return error(code, command, message, new FieldError(field, value, allowed));
    }

    static ServerMessage.Error error(ErrorCode code, String command, String message, FieldError field) {
        return new ServerMessage.Error(code, command, message, field.field(), field.value(), field.allowed(), List.of());
    }

    static String typeName(ClientMessage message) {
        String simpleName = message.getClass().getSimpleName();
        return Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1);
    }
}
