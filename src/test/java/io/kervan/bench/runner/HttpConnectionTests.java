package io.kervan.bench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator's HTTP/1.1 connection against real HTTP peers on loopback. */
class HttpConnectionTests {

    private HttpServer server;
    private int port;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/echo", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            String answer = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " from "
                    + exchange.getRemoteAddress().getPort() + " " + exchange.getRequestHeaders().getFirst("X-Test")
                    + " " + new String(request, StandardCharsets.UTF_8);
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Location", "/somewhere");
            exchange.getResponseHeaders().add("Set-Cookie", "A=1; Path=/");
            exchange.getResponseHeaders().add("Set-Cookie", "B=2; Path=/");
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0); // length 0: the JDK server sends the body chunked
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 5_000; i++) {
                    out.write(("satır " + i + " ğüşıöç\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
        server.createContext("/empty", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/closing", exchange -> {
            exchange.getResponseHeaders().add("Connection", "close");
            exchange.sendResponseHeaders(412, 2);
            exchange.getResponseBody().write("no".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void sendsTheRequestAndReadsAFixedLengthAnswerOnOneKeptConnection() throws IOException {
        try (HttpConnection connection = connect(port)) {
            HttpConnection.Response first = connection.exchange("POST", "/echo?q=%C3%B6",
                    List.<String[]>of(new String[] {"X-Test", "başlık-yok"}), "{\"ad\":\"Şükrü Çağlar\"}".getBytes(
                            StandardCharsets.UTF_8));
            HttpConnection.Response second = connection.exchange("GET", "/echo", List.of(), null);

            assertThat(first.status()).isEqualTo(201);
            assertThat(first.body()).startsWith("POST /echo?q=%C3%B6 from ").endsWith(" {\"ad\":\"Şükrü Çağlar\"}");
            assertThat(first.header("location")).isEqualTo("/somewhere");
            assertThat(first.headers("set-cookie")).containsExactly("A=1; Path=/", "B=2; Path=/");
            String firstPort = first.body().split(" ")[3];
            assertThat(second.body()).startsWith("GET /echo from " + firstPort + " null");
            assertThat(connection.reusable()).isTrue();
        }
    }

    @Test
    void readsAChunkedAnswerWholeAndKeepsTheConnection() throws IOException {
        try (HttpConnection connection = connect(port)) {
            HttpConnection.Response response = connection.exchange("GET", "/chunked", List.of(), null);
            HttpConnection.Response next = connection.exchange("GET", "/empty", List.of(), null);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().lines()).hasSize(5_000).startsWith("satır 0 ğüşıöç").endsWith("satır 4999 ğüşıöç");
            assertThat(next.status()).isEqualTo(204);
            assertThat(next.body()).isEmpty();
            assertThat(connection.reusable()).isTrue();
        }
    }

    @Test
    void anAnswerThatClosesTheConnectionEndsItsReuse() throws IOException {
        try (HttpConnection connection = connect(port)) {
            HttpConnection.Response response = connection.exchange("PATCH", "/closing", List.of(), new byte[0]);

            assertThat(response.status()).isEqualTo(412);
            assertThat(response.body()).isEqualTo("no");
            assertThat(connection.reusable()).isFalse();
        }
    }

    @Test
    void aServerThatClosesAnIdleKeptConnectionIsToldApartFromOneThatFailsARequest() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // Answers the first request on each connection, then closes it without a word, as after an idle timeout.
            CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 2; i++) {
                    try (Socket socket = peer.accept()) {
                        if (i == 0) {
                            readHead(socket.getInputStream());
                            socket.getOutputStream().write(
                                    "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                            readHead(socket.getInputStream()); // the second request, never answered
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            HttpConnection kept = connect(peer.getLocalPort());
            assertThat(kept.exchange("GET", "/a", List.of(), null).body()).isEqualTo("ok");
            assertThatThrownBy(() -> kept.exchange("GET", "/b", List.of(), null)).isInstanceOf(IOException.class);
            assertThat(kept.failedAsIdleClose()).isTrue();
            assertThat(kept.reusable()).isFalse();

            HttpConnection fresh = connect(peer.getLocalPort());
            assertThatThrownBy(() -> fresh.exchange("GET", "/c", List.of(), null)).isInstanceOf(IOException.class);
            assertThat(fresh.failedAsIdleClose()).as("a first request that fails is a real failure").isFalse();
            serving.get();
        }
    }

    @Test
    void somethingThatIsNotHttpIsRefused() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
                try (Socket socket = peer.accept()) {
                    readHead(socket.getInputStream());
                    socket.getOutputStream().write("SSH-2.0-OpenSSH\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            HttpConnection connection = connect(peer.getLocalPort());
            assertThatThrownBy(() -> connection.exchange("GET", "/", List.of(), null))
                    .isInstanceOf(IOException.class).hasMessageContaining("Not an HTTP response");
            assertThat(connection.reusable()).isFalse();
            serving.get();
        }
    }

    private static HttpConnection connect(int port) throws IOException {
        return new HttpConnection(InetAddress.getLoopbackAddress().getHostAddress(), port, 2_000, 5_000);
    }

    /** Reads a request's head up to the blank line. */
    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }
}
