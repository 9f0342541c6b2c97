package io.github.delayclose.providerhttp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw-socket HTTP/1.1 server on 127.0.0.1 that misbehaves on purpose, and counts what a client
 * leaves behind: connections accepted and still open (not yet closed by the client), requests, and
 * bytes it managed to write before the client stopped reading.
 */
final class HostileServer implements AutoCloseable {

    /** How the server answers one request; return whether to keep the connection for another. */
    @FunctionalInterface
    interface Behaviour {
        boolean answer(OutputStream out, HostileServer server) throws IOException;
    }

    /** Takes the request and never answers; notices when the client gives up and closes the connection. */
    static final Behaviour SILENT = (out, server) -> false;

    private final ServerSocket listener;

    private final Behaviour behaviour;

    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "hostile-server");
        thread.setDaemon(true);
        return thread;
    });

    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

    private final AtomicInteger accepted = new AtomicInteger();

    private final AtomicInteger requests = new AtomicInteger();

    private final AtomicLong bytesWritten = new AtomicLong();

    private final AtomicInteger writesFailed = new AtomicInteger();

    private final List<String> requestLines = new CopyOnWriteArrayList<>();

    private final CountDownLatch closed = new CountDownLatch(1);

    private HostileServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    static HostileServer start(Behaviour behaviour) {
        try {
            return new HostileServer(behaviour);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + path);
    }

    int port() {
        return listener.getLocalPort();
    }

    int accepted() {
        return accepted.get();
    }

    /** Connections the client has not closed yet. */
    int openConnections() {
        return connections.size();
    }

    int requests() {
        return requests.get();
    }

    long bytesWritten() {
        return bytesWritten.get();
    }

    /** Answers whose writing failed because the client had gone. */
    int writesFailed() {
        return writesFailed.get();
    }

    List<String> requestLines() {
        return requestLines;
    }

    /** Waits up to {@code pause}, returning early (true) once the server is closed. */
    boolean pause(Duration pause) {
        try {
            return closed.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Writes and counts; a failure means the client stopped reading and closed the connection. */
    void write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        bytesWritten.addAndGet(bytes.length);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            listener.close();
        }
        catch (IOException ignored) {
            // closing anyway
        }
        for (Socket connection : connections) {
            try {
                connection.close();
            }
            catch (IOException ignored) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket connection;
            try {
                connection = listener.accept();
            }
            catch (IOException ex) {
                return; // closed
            }
            accepted.incrementAndGet();
            connections.add(connection);
            threads.execute(() -> serve(connection));
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            boolean keepOpen = true;
            while (keepOpen && readRequest(in)) {
                requests.incrementAndGet();
                try {
                    keepOpen = behaviour.answer(out, this);
                }
                catch (IOException ex) {
                    writesFailed.incrementAndGet();
                    return;
                }
            }
            // Done with this connection (or the client closed it): linger until the client closes.
            while (in.read() >= 0) {
                // whatever the client still sends is ignored
            }
        }
        catch (IOException ex) {
            // the client went away
        }
        finally {
            connections.remove(connection);
        }
    }

    /** Reads one request (headers and a Content-Length body); false at the end of the stream. */
    private boolean readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = ascii("\r\n\r\n");
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
        requestLines.add(lines[0]);
        long length = 0;
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring("content-length:".length()).strip());
            }
        }
        in.readNBytes((int) length);
        return true;
    }
}
