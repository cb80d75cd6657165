package io.kervan.bench.runner;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One persistent HTTP/1.1 connection (plain TCP, keep-alive), used by one client thread at a time: a request is
 * written, then its whole response read (by {@code Content-Length} or chunked) before the next one goes out.
 *
 * <p>Why not {@code java.net.http.HttpClient}: the load generator shares the two cores with Kervan and PostgreSQL,
 * and that client hands every request between its caller, a selector thread and an executor and arms a timer for
 * each — about 0.85 ms of CPU per get by id, a third of the request's total (docs/benchmarks.md, session 13).
 * Blocking reads on the caller's own socket cost a fraction of that and leave the CPU to the system under test.
 */
final class HttpConnection implements AutoCloseable {

    /** A response: status, headers (names lower-cased, repeated ones in order) and the body as UTF-8 text. */
    record Response(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return first(headers, name);
        }

        List<String> headers(String name) {
            return headers.getOrDefault(name, List.of());
        }
    }

    private static final int MAX_HEADER_LINE = 64 * 1024;

    private final String hostHeader;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private boolean open = true;
    private int requests;
    /** Whether any byte of the current request's response has arrived. */
    private boolean answered;
    private long idleSince = System.nanoTime();

    HttpConnection(String host, int port, int connectTimeoutMillis, int readTimeoutMillis) throws IOException {
        this.hostHeader = host + ":" + port;
        this.socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
        socket.setSoTimeout(readTimeoutMillis);
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
    }

    /** Whether the connection may carry another request (the server did not ask to close it, nothing failed). */
    boolean reusable() {
        return open;
    }

    /**
     * Whether the connection has waited unused for longer than {@code nanos}: servers close idle keep-alive
     * connections (Tomcat after its connection timeout), and a request sent on one then fails.
     */
    boolean idleLongerThan(long nanos) {
        return System.nanoTime() - idleSince > nanos;
    }

    /**
     * Whether the last exchange failed the way a server's close of an idle keep-alive connection looks: the
     * connection had carried a request before, and not a byte of the answer arrived. Such a request never reached
     * the application, so sending it again on a new connection cannot do anything twice.
     */
    boolean failedAsIdleClose() {
        return requests > 1 && !answered;
    }

    /**
     * Sends one request and reads its response. {@code target} is the path and query ({@code /api/v1/...});
     * {@code headers} are name/value pairs. On any failure the connection is closed and must not be reused.
     */
    Response exchange(String method, String target, List<String[]> headers, byte[] body) throws IOException {
        requests++;
        answered = false;
        try {
            writeRequest(method, target, headers, body);
            Response response = readResponse(method);
            String connection = response.header("connection");
            if (connection != null && connection.toLowerCase(Locale.ROOT).contains("close")) {
                close();
            }
            idleSince = System.nanoTime();
            return response;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void writeRequest(String method, String target, List<String[]> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n");
        for (String[] header : headers) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.write(body);
        }
        out.flush();
    }

    private Response readResponse(String method) throws IOException {
        String statusLine = readLine();
        while (statusLine.isEmpty()) {
            statusLine = readLine();
        }
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("Not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, List<String>> headers = readHeaders();
        if (status / 100 == 1) {
            return readResponse(method); // 100 Continue and the like precede the real answer
        }
        byte[] body;
        String transfer = first(headers, "transfer-encoding");
        String length = first(headers, "content-length");
        if ("HEAD".equals(method) || status == 204 || status == 304) {
            body = new byte[0];
        } else if (transfer != null && transfer.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = readChunked();
        } else if (length != null) {
            int expected = Integer.parseInt(length.strip());
            body = in.readNBytes(expected);
            if (body.length < expected) {
                throw new EOFException("Response body cut short");
            }
        } else {
            body = in.readAllBytes(); // no length: the body ends with the connection
            open = false;
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private Map<String, List<String>> readHeaders() throws IOException {
        Map<String, List<String>> headers = new java.util.HashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("Malformed header line: " + line);
            }
            headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                    .add(line.substring(colon + 1).strip());
        }
        return headers;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null ? null : values.get(0);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(8 * 1024);
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                readHeaders(); // trailers, up to the blank line
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new EOFException("Chunk cut short");
            }
            body.write(chunk);
            if (!readLine().isEmpty()) {
                throw new IOException("Chunk not followed by CRLF");
            }
        }
    }

    /** A line up to CRLF (or LF), without it; header bytes are ASCII, read as ISO-8859-1. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("Connection closed by the server");
            }
            answered = true;
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= MAX_HEADER_LINE) {
                throw new IOException("Header line longer than " + MAX_HEADER_LINE + " bytes");
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a failed connection: nothing left to do
        }
    }
}
