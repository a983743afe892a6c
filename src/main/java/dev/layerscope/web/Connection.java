package dev.layerscope.web;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The one writer of a WebSocket connection. Frames are queued here and sent one at a time. The
 * next send starts only when Jetty reports the previous one written, so a frame never interleaves
 * with another, and a slow reader never blocks the thread that queued a frame.
 *
 * <p>Frames that must all arrive are sent in the order queued and ahead of any queued heavy frame
 * ({@code detail}, {@code prediction}), so a large detail frame never delays the next epoch frame.
 *
 * <p>A client that reads slowly falls behind without slowing anyone: its queued {@code detail} and
 * {@code prediction} frames are replaced by the newest ones, every other frame is kept in order, and
 * once its unsent frames pass {@code maxQueuedBytes} bytes of UTF-8, or one send has been pending for
 * {@code sendTimeoutNanos}, the connection is closed with {@link CloseCodes#TOO_SLOW}.
 *
 * <p>Frames are queued as {@link EncodedFrame}s and written as TEXT frames through Jetty's core
 * session, because the API session's {@code sendText(String, ...)} encodes its string again on
 * every call (Jetty 12.1). A frame shared by many connections is therefore encoded once.
 */
final class Connection {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    /**
     * A queued frame, or with {@code source} a sequence of frames produced one at a time when they
     * reach the head of the queue. {@code kind} is null for frames that must all arrive, else the
     * kind that a newer frame replaces.
     */
    private record Queued(EncodedFrame frame, String kind, long bytes, Iterator<String> source) {

        static Queued of(EncodedFrame frame, String kind) {
            return new Queued(frame, kind, frame.byteCount(), null);
        }
    }

    private final Session socket;
    private final CoreSession coreSocket;
    private final String sessionId;
    private final Executor writers;
    private final long maxQueuedBytes;
    private final long sendTimeoutNanos;
    private volatile Runnable onClosed = () -> { };

    // Guarded by this. Frames that must arrive (streams included), then the replaceable ones.
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private final ArrayDeque<Queued> heavy = new ArrayDeque<>();
    private long queuedBytes;
    private boolean sending;
    private long sendStartedNanos;
    private boolean closed;
    private int closeCodeAfterQueue;
    private String closeReasonAfterQueue;

    Connection(Session socket, String sessionId, Executor writers, long maxQueuedBytes, long sendTimeoutNanos) {
        this.socket = socket;
        this.coreSocket = coreSession(socket);
        this.sessionId = sessionId;
        this.writers = writers;
        this.maxQueuedBytes = maxQueuedBytes;
        this.sendTimeoutNanos = sendTimeoutNanos;
    }

    /** Returns the core session behind Jetty 12's API session, which sends frames with a byte payload. */
    private static CoreSession coreSession(Session socket) {
        if (socket instanceof WebSocketSession jettySession) {
            return jettySession.getCoreSession();
        }
        throw new IllegalArgumentException("expected a Jetty 12 WebSocketSession, got " + socket.getClass().getName());
    }

    /** Encodes and queues a frame that must arrive (never coalesced). */
    void send(String text) {
        sendAll(List.of(EncodedFrame.of(text)));
    }

    /** Queues frames that must all arrive, in order. */
    void sendAll(List<EncodedFrame> frames) {
        synchronized (this) {
            if (closed) {
                return;
            }
            for (EncodedFrame frame : frames) {
                append(Queued.of(frame, null));
            }
        }
        afterEnqueue();
    }

    /**
     * Queues the newest frames of a replaceable {@code kind} ({@code detail} or {@code prediction}),
     * dropping the frames of that kind not yet sent.
     */
    void sendLatest(String kind, List<EncodedFrame> frames) {
        synchronized (this) {
            if (closed) {
                return;
            }
            Iterator<Queued> queued = heavy.iterator();
            while (queued.hasNext()) {
                Queued entry = queued.next();
                if (kind.equals(entry.kind())) {
                    queuedBytes -= entry.bytes();
                    queued.remove();
                }
            }
            for (EncodedFrame frame : frames) {
                append(Queued.of(frame, kind));
            }
        }
        afterEnqueue();
    }

    /**
     * Queues frames produced on demand, in order, such as a long history: each is encoded only when
     * the previous one has been written, so they never count toward the queue bound at once.
     */
    void sendStream(Iterator<String> frames) {
        synchronized (this) {
            if (closed) {
                return;
            }
            queue.add(new Queued(null, null, 0, frames));
        }
        writers.execute(this::sendNext);
    }

    /**
     * Sets what runs, on a writer thread, once this connection closes for any reason. Jetty's own
     * close event may come late or never for a client dropped because it stopped reading.
     */
    void onClosed(Runnable cleanup) {
        onClosed = cleanup;
    }

    /** Sends nothing more and closes the socket with {@code code}; frames not yet written are dropped. */
    void close(int code, String reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            heavy.clear();
            queuedBytes = 0;
        }
        if (socket.isOpen()) {
            socket.close(code, reason, Callback.NOOP);
        }
        writers.execute(onClosed);
    }

    /** Closes the socket with {@code code} once every frame queued so far has been written. */
    void closeAfterQueued(int code, String reason) {
        synchronized (this) {
            if (closed || closeCodeAfterQueue != 0) {
                return;
            }
            closeCodeAfterQueue = code;
            closeReasonAfterQueue = reason;
        }
        writers.execute(this::sendNext);
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized long queuedBytes() {
        return queuedBytes;
    }

    private void append(Queued entry) {
        (entry.kind() == null ? queue : heavy).add(entry);
        queuedBytes += entry.bytes();
    }

    private void afterEnqueue() {
        String tooSlow = tooSlowReason();
        if (tooSlow != null) {
            LOG.info("session {}: disconnecting a client that reads too slowly ({})", sessionId, tooSlow);
            close(CloseCodes.TOO_SLOW, tooSlow);
            // The close frame queues behind the unread data, so the TCP connection is dropped as well.
            socket.disconnect();
            return;
        }
        writers.execute(this::sendNext);
    }

    private synchronized String tooSlowReason() {
        if (queuedBytes > maxQueuedBytes) {
            return "more than " + maxQueuedBytes + " bytes of frames waiting";
        }
        if (sending && System.nanoTime() - sendStartedNanos > sendTimeoutNanos) {
            return "a frame waited more than " + sendTimeoutNanos / 1_000_000_000 + " s to be written";
        }
        return null;
    }

    private void sendNext() {
        EncodedFrame frame = null;
        Iterator<String> source = null;
        synchronized (this) {
            if (sending || closed) {
                return;
            }
            while (!queue.isEmpty() && queue.peek().source() != null && !queue.peek().source().hasNext()) {
                queue.poll();
            }
            ArrayDeque<Queued> next = queue.isEmpty() ? heavy : queue;
            if (next.isEmpty()) {
                if (closeCodeAfterQueue != 0) {
                    writers.execute(() -> close(closeCodeAfterQueue, closeReasonAfterQueue));
                }
                return;
            }
            Queued head = next.peek();
            if (head.source() != null) {
                source = head.source();
            } else {
                next.poll();
                queuedBytes -= head.bytes();
                frame = head.frame();
            }
            sending = true;
            sendStartedNanos = System.nanoTime();
        }
        // The flag sending keeps other writers out, so the source is encoded here without the lock
        // and never delays a thread that queues a frame.
        if (source != null) {
            frame = EncodedFrame.of(source.next());
        }
        coreSocket.sendFrame(new Frame(OpCode.TEXT, frame.payload()),
                org.eclipse.jetty.util.Callback.from(this::onSent, this::onFailed), false);
    }

    private void onSent() {
        synchronized (this) {
            sending = false;
        }
        writers.execute(this::sendNext);
    }

    private void onFailed(Throwable failure) {
        LOG.debug("session {}: send failed, closing the connection: {}", sessionId, failure.toString());
        synchronized (this) {
            sending = false;
        }
        close(CloseCodes.GOING_AWAY, "send failed");
    }
}
