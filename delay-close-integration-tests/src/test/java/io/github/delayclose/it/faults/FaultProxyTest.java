package io.github.delayclose.it.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The proxy against a local echo server: it forwards, holds bytes back while blackholed, and cuts. */
class FaultProxyTest {

    private ServerSocket echo;
    private FaultProxy proxy;

    @BeforeEach
    void startEchoServerBehindProxy() throws IOException {
        echo = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread server = new Thread(this::echoLoop, "echo");
        server.setDaemon(true);
        server.start();
        proxy = FaultProxy.start("echo", "127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void forwardsBothWays() throws IOException {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "hello")).isEqualTo("hello");
        }
    }

    @Test
    void blackholeHoldsBytesBackWithoutClosingAndHealDeliversThem() throws IOException {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "a")).isEqualTo("a");
            proxy.blackhole();
            client.getOutputStream().write("held".getBytes());
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            assertThat(client.isClosed()).isFalse();

            proxy.heal();
            assertThat(read(client, 4)).isEqualTo("held");
        }
    }

    @Test
    void cutClosesOpenConnectionsAndNewOnesWork() throws IOException {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "a")).isEqualTo("a");
            proxy.cut();
            assertThat(readOrEnd(client)).isEqualTo(-1);
        }
        try (Socket again = connect()) {
            assertThat(roundTrip(again, "b")).isEqualTo("b");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(1000);
        return socket;
    }

    private static String roundTrip(Socket client, String text) throws IOException {
        client.getOutputStream().write(text.getBytes());
        return read(client, text.length());
    }

    private static String read(Socket client, int length) throws IOException {
        return new String(client.getInputStream().readNBytes(length));
    }

    /** -1 at the end of the stream; a reset counts as the end too. */
    private static int readOrEnd(Socket client) throws IOException {
        try {
            return client.getInputStream().read();
        }
        catch (java.net.SocketException ex) {
            return -1;
        }
    }

    private void echoLoop() {
        while (!echo.isClosed()) {
            try {
                Socket socket = echo.accept();
                Thread thread = new Thread(() -> echo(socket), "echo-connection");
                thread.setDaemon(true);
                thread.start();
            }
            catch (IOException ex) {
                return;
            }
        }
    }

    private static void echo(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            byte[] buffer = new byte[1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
        }
        catch (IOException ex) {
            // The client went away.
        }
    }
}
