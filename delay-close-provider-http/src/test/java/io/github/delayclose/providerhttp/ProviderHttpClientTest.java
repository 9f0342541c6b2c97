package io.github.delayclose.providerhttp;

import static io.github.delayclose.providerhttp.HostileServer.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import io.github.delayclose.providerhttp.ProviderHttpException.Failure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The transport against servers that misbehave the ways a provider, a proxy or an attacker in the
 * middle can: one test per failure, each checking what the client leaves behind.
 */
@Timeout(30) // a transport without a deadline would hang here instead of failing
class ProviderHttpClientTest {

    /** Stands for a signed request: it must never show up in a failure. */
    private static final String REQUEST_BODY = "<xml><sign>REQUEST-BODY-MARKER-5e2a</sign></xml>";

    private static final ProviderHttpSettings SETTINGS = new ProviderHttpSettings(Duration.ofSeconds(2),
            Duration.ofSeconds(2), 64 * 1024);

    private final ProviderHttpClient client = new ProviderHttpClient(SETTINGS);

    private HostileServer server;

    private HostileServer elsewhere;

    @AfterEach
    void stopServers() {
        for (HostileServer running : new HostileServer[] { server, elsewhere }) {
            if (running != null) {
                running.close();
            }
        }
    }

    @Test
    void answersWithASuccessStatusAreReturnedInTheirCharset() {
        byte[] body = "<xml><a>中文</a></xml>".getBytes(Charset.forName("GBK"));
        server = HostileServer.start((out, self) -> {
            self.write(out, ascii("HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=GBK\r\nContent-Length: "
                    + body.length + "\r\n\r\n"));
            self.write(out, body);
            return true;
        });

        ProviderAnswer answer = client.post(server.uri("/pay/orderquery?x=1"), "text/xml", REQUEST_BODY);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("<xml><a>中文</a></xml>");
        assertThat(server.requestLines()).containsExactly("POST /pay/orderquery?x=1 HTTP/1.1");
    }

    @Test
    void errorStatusesDoNotLeaveConnectionsOpen() {
        server = HostileServer.start((out, self) -> {
            self.write(out, ascii("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\n"
                    + "Content-Length: 20\r\n\r\n<html>broken</html>\n"));
            return true; // and keep the connection open for as long as the client does
        });

        for (int i = 0; i < 20; i++) {
            ProviderHttpException failure = expectFailure(() -> client.post(server.uri("/pay"), "text/xml", REQUEST_BODY),
                    Failure.HTTP_STATUS, "HTTP status 500");
            assertThat(failure.status()).hasValue(500);
            assertThat(failure.answerBody()).hasValue("<html>broken</html>\n");
        }

        assertThat(server.requests()).isEqualTo(20);
        // The body was read, so the connection went back to the pool for the next call instead of
        // staying open per call: at most the one pooled connection is left.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.openConnections()).isLessThanOrEqualTo(1));
        assertThat(server.accepted()).isLessThan(20);
    }

    @Test
    void anAnswerDrippingOneBytePerSecondFailsAtTheCallDeadline() {
        server = HostileServer.start((out, self) -> {
            self.write(out, ascii("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"));
            // Every byte arrives well within any per-read timeout; only a deadline on the whole call stops it.
            for (int i = 0; i < 1000 && !self.pause(Duration.ofSeconds(1)); i++) {
                self.write(out, ascii("x"));
            }
            return false;
        });

        long started = System.nanoTime();
        expectFailure(() -> client.post(server.uri("/pay"), "text/xml", REQUEST_BODY), Failure.TIMEOUT,
                "no complete answer after PT2S");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1900)).isLessThan(Duration.ofSeconds(5));
        // The exchange was stopped, not just abandoned: the server sees the connection go.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.openConnections()).isZero());
    }

    @Test
    void anAnswerThatNeverStartsFailsAtTheCallDeadline() {
        server = HostileServer.start(HostileServer.SILENT);

        long started = System.nanoTime();
        expectFailure(() -> client.post(server.uri("/pay"), "text/xml", REQUEST_BODY), Failure.TIMEOUT,
                "no complete answer after PT2S");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.openConnections()).isZero());
    }

    @Test
    void aHugeAnswerFailsEarlyWithoutBeingBuffered() {
        long huge = 200L * 1024 * 1024;
        byte[] chunk = ascii("x".repeat(64 * 1024));
        server = HostileServer.start((out, self) -> {
            // No Content-Length: only counting while reading can stop this one.
            self.write(out, ascii("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nConnection: close\r\n\r\n"));
            for (long sent = 0; sent < huge; sent += chunk.length) {
                self.write(out, chunk);
            }
            return false;
        });

        expectFailure(() -> client.post(server.uri("/pay"), "text/xml", REQUEST_BODY), Failure.ANSWER_TOO_LARGE,
                "answer larger than 65536 bytes");

        // The client dropped the connection after the cap: the server's writes failed long before 200 MB,
        // after what the sockets' buffers hold.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.writesFailed()).isEqualTo(1));
        assertThat(server.bytesWritten()).isLessThan(32L * 1024 * 1024);
    }

    @Test
    void aDeclaredLengthOverTheCapFailsBeforeTheBodyIsRead() {
        server = HostileServer.start((out, self) -> {
            self.write(out, ascii("HTTP/1.1 200 OK\r\nContent-Length: 209715200\r\n\r\n"));
            while (!self.pause(Duration.ofMillis(50))) {
                self.write(out, ascii("x")); // whatever follows is never needed
            }
            return false;
        });

        expectFailure(() -> client.post(server.uri("/pay"), "text/xml", REQUEST_BODY), Failure.ANSWER_TOO_LARGE,
                "answer larger than 65536 bytes");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.openConnections()).isZero());
    }

    @Test
    void aRedirectIsNotFollowed() {
        elsewhere = HostileServer.start((out, self) -> {
            self.write(out, ascii("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
            return true;
        });
        server = HostileServer.start((out, self) -> {
            self.write(out, ascii("HTTP/1.1 307 Temporary Redirect\r\nLocation: " + elsewhere.uri("/steal?token=t0")
                    + "\r\nContent-Length: 0\r\n\r\n"));
            return true;
        });

        ProviderHttpException failure = expectFailure(() -> client.post(server.uri("/pay"), "text/xml", REQUEST_BODY),
                Failure.REDIRECT_REFUSED, "redirect refused (HTTP 307 to " + elsewhere.uri("/steal"));

        assertThat(failure.status()).hasValue(307);
        assertThat(failure.getMessage()).doesNotContain("token=t0");
        // The call is over; had the redirect been followed, the other host would have been asked before it ended.
        assertThat(elsewhere.accepted()).isZero();
        assertThat(elsewhere.requests()).isZero();
    }

    @Test
    void aClosedPortCannotBeConnectedTo() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        expectFailure(() -> client.post(URI.create("http://127.0.0.1:" + freePort + "/pay"), "text/xml", REQUEST_BODY),
                Failure.CANNOT_CONNECT, "cannot connect");
    }

    @Test
    void aConnectionCutMidAnswerIsReportedAsLost() {
        server = HostileServer.start((out, self) -> {
            self.write(out, ascii("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n<xml>"));
            throw new java.io.IOException("hang up half way");
        });

        expectFailure(() -> client.post(server.uri("/pay"), "text/xml", REQUEST_BODY), Failure.CONNECTION_LOST,
                "connection lost");
    }

    @Test
    void cancellingAnAsyncCallLetsGoOfItsConnection() {
        server = HostileServer.start((out, self) -> {
            self.write(out, ascii("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"));
            while (!self.pause(Duration.ofMillis(100))) {
                self.write(out, ascii("x"));
            }
            return false;
        });
        CompletableFuture<ProviderAnswer> call = client.sendAsync(HttpRequest.newBuilder(server.uri("/pay"))
                .POST(HttpRequest.BodyPublishers.ofString(REQUEST_BODY)).build());
        await().atMost(Duration.ofSeconds(5)).until(() -> server.bytesWritten() > 50);

        call.cancel(true);

        assertThatExceptionOfType(CancellationException.class).isThrownBy(call::join);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.openConnections()).isZero());
    }

    @Test
    void proxiesComeFromTheStandardSystemProperties() {
        server = HostileServer.start((out, self) -> {
            self.write(out, ascii("HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\nproxied"));
            return true;
        });
        String host = System.getProperty("http.proxyHost");
        String port = System.getProperty("http.proxyPort");
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", Integer.toString(server.port()));
        try {
            ProviderAnswer answer = new ProviderHttpClient(SETTINGS).post(URI.create("http://provider.invalid/pay"),
                    "text/xml", REQUEST_BODY);

            assertThat(answer.body()).isEqualTo("proxied");
            assertThat(server.requestLines()).containsExactly("POST http://provider.invalid/pay HTTP/1.1");
        }
        finally {
            restore("http.proxyHost", host);
            restore("http.proxyPort", port);
        }
    }

    @Test
    void anInterruptedCallerGetsATypedFailureAndKeepsItsInterrupt() {
        server = HostileServer.start(HostileServer.SILENT);
        Thread.currentThread().interrupt();
        try {
            expectFailure(() -> client.post(server.uri("/pay"), "text/xml", REQUEST_BODY), Failure.INTERRUPTED,
                    "interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        }
        finally {
            Thread.interrupted();
        }
    }

    @Test
    void settingsAreChecked() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> new ProviderHttpSettings(Duration.ZERO, Duration.ofSeconds(1), 1))
                .withMessageContaining("connectTimeout");
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> new ProviderHttpSettings(Duration.ofSeconds(1), Duration.ofDays(30), 1))
                .withMessageContaining("callTimeout");
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> new ProviderHttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .withMessageContaining("maxAnswerBytes");
    }

    private ProviderHttpException expectFailure(Runnable call, Failure failure, String messagePart) {
        ProviderHttpException[] caught = new ProviderHttpException[1];
        assertThatExceptionOfType(ProviderHttpException.class).isThrownBy(call::run)
                .withMessageContaining(messagePart)
                .satisfies(ex -> caught[0] = ex);
        assertThat(caught[0].failure()).isEqualTo(failure);
        StringWriter trace = new StringWriter();
        caught[0].printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain("REQUEST-BODY-MARKER");
        return caught[0];
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        }
        else {
            System.setProperty(name, value);
        }
    }
}
