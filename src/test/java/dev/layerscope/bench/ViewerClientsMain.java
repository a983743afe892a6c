package dev.layerscope.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The viewers of the {@code viewers} benchmark in a process of their own, started by
 * {@link ViewerClients}: {@code ViewerClientsMain PORT SESSION_ID COUNT}. It opens COUNT
 * {@link RawViewerSocket}s to the session, read by one selector thread, prints {@code connected
 * COUNT}, then executes commands read from standard input, one a line:
 * <ul>
 *   <li>{@code clock}: prints {@code clock NANOS CPU_NANOS}, this process's {@link System#nanoTime()}
 *   and the CPU time it has used;</li>
 *   <li>{@code caught-up SECONDS}: waits until every socket has its catch-up frames, prints
 *   {@code caught-up N};</li>
 *   <li>{@code report EXPECTED SECONDS}: waits until every socket has EXPECTED epoch frames or was
 *   closed, prints {@code cpu CPU_NANOS}, one {@link RawViewerSocket#reportLine()} per socket and
 *   {@code end}, and exits.</li>
 * </ul>
 */
public final class ViewerClientsMain {

    private static final int READS_PER_WAKEUP = 4;

    private final Selector selector;
    private final Queue<RawViewerSocket> toRegister = new ConcurrentLinkedQueue<>();
    private final List<RawViewerSocket> sockets = new ArrayList<>();
    private volatile boolean running = true;

    private ViewerClientsMain(Selector selector) {
        this.selector = selector;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String path = "/ws/sessions/" + args[1];
        int count = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        ViewerClientsMain clients = new ViewerClientsMain(Selector.open());
        Thread reader = new Thread(clients::readLoop, "viewer-clients-io");
        reader.setDaemon(true);
        reader.start();
        for (int i = 0; i < count; i++) {
            clients.add(RawViewerSocket.open(port, path));
        }
        out.println("connected " + count);
        clients.answerCommands(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)), out, reader);
        System.exit(0);
    }

    private void add(RawViewerSocket socket) {
        sockets.add(socket);
        toRegister.add(socket);
        selector.wakeup();
    }

    private void answerCommands(BufferedReader commands, PrintStream out, Thread reader) throws IOException, InterruptedException {
        String line;
        while ((line = commands.readLine()) != null) {
            String[] words = line.trim().split(" ");
            switch (words[0]) {
                case "clock" -> out.println("clock " + System.nanoTime() + " " + CleanClock.processCpuNanos());
                case "caught-up" -> {
                    Waits.until(() -> sockets.stream().allMatch(RawViewerSocket::caughtUp), seconds(words[1]));
                    out.println("caught-up " + sockets.stream().filter(RawViewerSocket::caughtUp).count());
                }
                case "report" -> {
                    int expected = Integer.parseInt(words[1]);
                    Waits.until(() -> sockets.stream().allMatch(s -> s.closedByServer() || s.epochFrames() >= expected),
                            seconds(words[2]));
                    stop(reader);
                    out.println("cpu " + CleanClock.processCpuNanos());
                    sockets.forEach(socket -> out.println(socket.reportLine()));
                    out.println("end");
                    sockets.forEach(RawViewerSocket::close);
                    return;
                }
                default -> System.err.println("viewer clients: unknown command '" + line + "'");
            }
        }
    }

    private static Duration seconds(String value) {
        return Duration.ofSeconds(Long.parseLong(value));
    }

    /** Stops the selector thread; joining it makes every socket's counters visible to this thread. */
    private void stop(Thread reader) throws InterruptedException {
        running = false;
        selector.wakeup();
        reader.join();
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
        try {
            while (running) {
                selector.select(100);
                RawViewerSocket socket;
                while ((socket = toRegister.poll()) != null) {
                    socket.channel().register(selector, SelectionKey.OP_READ, socket);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    read(key, buffer);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            System.err.println("viewer clients: the selector failed: " + e);
        }
    }

    /** Reads what one socket has, a few buffers at most, so that one busy socket cannot starve the others. */
    private static void read(SelectionKey key, ByteBuffer buffer) {
        RawViewerSocket socket = (RawViewerSocket) key.attachment();
        try {
            for (int i = 0; i < READS_PER_WAKEUP && key.isValid(); i++) {
                buffer.clear();
                int count = socket.channel().read(buffer);
                if (count < 0) {
                    socket.connectionEnded();
                    return;
                }
                if (count == 0) {
                    return;
                }
                buffer.flip();
                socket.consume(buffer, System.nanoTime());
            }
        } catch (IOException e) {
            socket.connectionEnded();
        }
    }
}
