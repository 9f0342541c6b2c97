package io.github.delayclose.it.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 between the application and a service (the broker, the database), that
 * breaks the network on demand:
 *
 * <ul>
 * <li>{@link #cut()} closes every connection open now, as a restarted firewall or a failed-over
 * load balancer does; clients see their connection reset and must open new ones;</li>
 * <li>{@link #blackhole()} stops forwarding bytes while every socket stays open, as a partition
 * does: calls hang, nothing fails until a client's own timeout says so; new connections are
 * accepted but stay silent;</li>
 * <li>{@link #heal()} forwards again. Bytes read during a blackhole are delivered then, in order,
 * as TCP retransmission would deliver them after a partition.</li>
 * </ul>
 */
final class FaultProxy implements AutoCloseable {

    private static final int BUFFER = 16 * 1024;

    private final String name;
    private final InetSocketAddress upstream;
    private final ServerSocket server;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger cutConnections = new AtomicInteger();
    private volatile boolean blackholed;
    private volatile boolean closed;

    private FaultProxy(String name, InetSocketAddress upstream, ServerSocket server) {
        this.name = name;
        this.upstream = upstream;
        this.server = server;
        AtomicInteger threadNumber = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fault-proxy-" + name + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Listens on a free port of 127.0.0.1 and forwards every connection to {@code host:port}. */
    static FaultProxy start(String name, String host, int port) {
        try {
            ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            FaultProxy proxy = new FaultProxy(name, new InetSocketAddress(host, port), server);
            proxy.threads.execute(proxy::acceptLoop);
            return proxy;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not open the " + name + " proxy", ex);
        }
    }

    /** The port the application connects to instead of the service's. */
    int port() {
        return server.getLocalPort();
    }

    /** Closes every connection open now; new ones are forwarded as usual. */
    void cut() {
        for (Socket socket : open) {
            cutConnections.incrementAndGet();
            closeQuietly(socket);
        }
        synchronized (gate) {
            gate.notifyAll();
        }
    }

    /** Stops forwarding, in both directions, on every connection, without closing any. */
    void blackhole() {
        blackholed = true;
    }

    /** Forwards again what was held back and everything after it. */
    void heal() {
        synchronized (gate) {
            blackholed = false;
            gate.notifyAll();
        }
    }

    /** Connections accepted so far. */
    int accepted() {
        return accepted.get();
    }

    /** Sockets closed by {@link #cut()} so far (two per connection). */
    int cutSockets() {
        return cutConnections.get();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        heal();
        open.forEach(FaultProxy::closeQuietly);
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            }
            catch (IOException ex) {
                if (!closed) {
                    System.err.println("fault proxy " + name + ": accept failed: " + ex.getMessage());
                }
                return;
            }
            accepted.incrementAndGet();
            threads.execute(() -> connect(client));
        }
    }

    private void connect(Socket client) {
        Socket service = new Socket();
        try {
            client.setTcpNoDelay(true);
            service.setTcpNoDelay(true);
            service.connect(upstream, 5000);
        }
        catch (IOException ex) {
            closeQuietly(client);
            closeQuietly(service);
            return;
        }
        open.add(client);
        open.add(service);
        threads.execute(() -> pump(client, service));
        threads.execute(() -> pump(service, client));
    }

    /** Copies one direction until either side closes; the other direction then ends too. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                awaitForwarding(from, to);
                out.write(buffer, 0, read);
                out.flush();
            }
        }
        catch (IOException ex) {
            // Reset, cut or closed by the other pump: the connection is over either way.
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private void awaitForwarding(Socket from, Socket to) throws InterruptedException, IOException {
        synchronized (gate) {
            while (blackholed && !from.isClosed() && !to.isClosed()) {
                gate.wait();
            }
        }
        if (from.isClosed() || to.isClosed()) {
            throw new IOException("cut");
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        }
        catch (Exception ex) {
            // Already closed or reset; nothing to do.
        }
    }
}
