package io.kervan.bench.runner;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One user talking to a running Kervan: API calls with a personal API token (issued with the user's
 * password through {@code POST /api/v1/auth/tokens}) and page requests with a browser session (signed in
 * through the login form, CSRF token included). Thread-safe; all client threads share it, each request taking
 * a keep-alive connection of its own from a pool ({@link HttpConnection}) and returning it after the answer.
 */
public final class KervanClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    /** Well under Tomcat's keep-alive timeout (its connection timeout, 20 s by default). */
    private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final URI base;
    private final String email;
    private final ConcurrentLinkedDeque<HttpConnection> idle = new ConcurrentLinkedDeque<>();
    private String token;
    /** The browser session's cookies, kept by hand: simple and the same on every node behind a balancer. */
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    /** Status and body of a response; status 0 means the request failed before an answer (refused, timeout). */
    public record Answer(int status, String body, String location) {

        public boolean ok() {
            return status >= 200 && status < 400;
        }
    }

    private KervanClient(URI base, String email) {
        if (!"http".equals(base.getScheme())) {
            throw new IllegalArgumentException("The load generator speaks plain HTTP only: " + base);
        }
        this.base = base;
        this.email = email;
    }

    /** Signs in (session cookie) and gets an API token. */
    public static KervanClient signIn(String baseUrl, String email, String password) throws IOException {
        KervanClient client = new KervanClient(URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/"), email);
        client.issueToken(password);
        client.signInBrowser(password);
        return client;
    }

    public String email() {
        return email;
    }

    private void issueToken(String password) throws IOException {
        String basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpConnection.Response response = exchange("POST", "api/v1/auth/tokens",
                List.of(header("Authorization", "Basic " + basic), header("Content-Type", "application/json")),
                "{\"name\":\"benchmark\"}");
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.status() != 201 || !m.find()) {
            throw new IOException("No API token for " + email + ": " + response.status() + " " + response.body());
        }
        token = m.group(1);
    }

    private void signInBrowser(String password) throws IOException {
        HttpConnection.Response form = exchange("GET", "login", List.of(), null);
        keepCookies(form);
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IOException("No CSRF token on the login page (" + form.status() + ")");
        }
        String body = "username=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpConnection.Response signedIn = exchange("POST", "login",
                List.of(header("Content-Type", "application/x-www-form-urlencoded"), header("Cookie", cookieHeader())),
                body);
        keepCookies(signedIn);
        String location = signedIn.header("location");
        if (signedIn.status() != 302 || location == null || location.contains("error")) {
            throw new IOException("Sign-in failed for " + email + ": " + signedIn.status() + " " + location);
        }
    }

    /** An API GET with the token. */
    public Answer api(String path) {
        return send("GET", path, List.of(header("Authorization", "Bearer " + token),
                header("Accept", "application/json")), null);
    }

    public Answer apiPost(String path, String json) {
        return send("POST", path, List.of(header("Authorization", "Bearer " + token),
                header("Content-Type", "application/json")), json);
    }

    public Answer apiPatch(String path, String json) {
        return send("PATCH", path, List.of(header("Authorization", "Bearer " + token),
                header("Content-Type", "application/merge-patch+json")), json);
    }

    /** A page GET with the browser session. */
    public Answer page(String path) {
        return send("GET", path, List.of(header("Accept", "text/html"), header("Cookie", cookieHeader())), null);
    }

    private void keepCookies(HttpConnection.Response response) {
        for (String header : response.headers("set-cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
    }

    private String cookieHeader() {
        StringBuilder out = new StringBuilder();
        cookies.forEach((name, value) -> out.append(out.isEmpty() ? "" : "; ").append(name).append('=').append(value));
        return out.toString();
    }

    private Answer send(String method, String path, List<String[]> headers, String body) {
        try {
            HttpConnection.Response response = exchange(method, path, headers, body);
            return new Answer(response.status(), response.body(), response.header("location"));
        } catch (IOException e) {
            return new Answer(0, e.toString(), null);
        }
    }

    /**
     * One request on a pooled connection. A GET that failed on a reused connection before any answer (the server
     * had closed it while idle) is sent once more on a new one; other requests are never sent twice.
     */
    private HttpConnection.Response exchange(String method, String path, List<String[]> headers, String body)
            throws IOException {
        String target = base.getRawPath() + path;
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        HttpConnection connection = take();
        try {
            return release(connection, connection.exchange(method, target, headers, bytes));
        } catch (IOException e) {
            if (!"GET".equals(method) || !connection.failedAsIdleClose()) {
                throw e;
            }
            HttpConnection fresh = connect();
            return release(fresh, fresh.exchange(method, target, headers, bytes));
        }
    }

    private HttpConnection take() throws IOException {
        for (HttpConnection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            if (c.reusable() && !c.idleLongerThan(MAX_IDLE_NANOS)) {
                return c;
            }
            c.close();
        }
        return connect();
    }

    private HttpConnection connect() throws IOException {
        int port = base.getPort() < 0 ? 80 : base.getPort();
        return new HttpConnection(base.getHost(), port, CONNECT_TIMEOUT_MILLIS, READ_TIMEOUT_MILLIS);
    }

    private HttpConnection.Response release(HttpConnection connection, HttpConnection.Response response) {
        if (connection.reusable()) {
            idle.offerFirst(connection);
        }
        return response;
    }

    private static String[] header(String name, String value) {
        return new String[] {name, value};
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
