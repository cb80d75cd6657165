package io.kervan.bench.runner;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One user talking to a running Kervan: API calls with a personal API token (issued with the user's
 * password through {@code POST /api/v1/auth/tokens}) and page requests with a browser session (signed in
 * through the login form, CSRF token included). Thread-safe; all client threads share it.
 */
public final class KervanClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;
    private final String email;
    private String token;
    /** The browser session's cookies, kept by hand: simple and the same on every node behind a balancer. */
    private final java.util.Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();

    /** Status and body of a response; status 0 means the request failed before an answer (refused, timeout). */
    public record Answer(int status, String body, String location) {

        public boolean ok() {
            return status >= 200 && status < 400;
        }
    }

    private KervanClient(URI base, String email) {
        this.base = base;
        this.email = email;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newFixedThreadPool(2, r -> {
                    Thread t = new Thread(r, "http-" + email);
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    /** Signs in (session cookie) and gets an API token. */
    public static KervanClient signIn(String baseUrl, String email, String password) throws IOException,
            InterruptedException {
        KervanClient client = new KervanClient(URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/"), email);
        client.issueToken(password);
        client.signInBrowser(password);
        return client;
    }

    public String email() {
        return email;
    }

    private void issueToken(String password) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("api/v1/auth/tokens"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark\"}")).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 201 || !m.find()) {
            throw new IOException("No API token for " + email + ": " + response.statusCode() + " " + response.body());
        }
        token = m.group(1);
    }

    private void signInBrowser(String password) throws IOException, InterruptedException {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(base.resolve("login")).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        keepCookies(form);
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IOException("No CSRF token on the login page (" + form.statusCode() + ")");
        }
        String body = "username=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(base.resolve("login")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookieHeader())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        keepCookies(signedIn);
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IOException("Sign-in failed for " + email + ": " + signedIn.statusCode() + " " + location);
        }
    }

    /** An API GET with the token. */
    public Answer api(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET());
    }

    public Answer apiPost(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer apiPatch(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A page GET with the browser session. */
    public Answer page(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/html")
                .header("Cookie", cookieHeader()).GET());
    }

    private void keepCookies(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
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

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            return new Answer(0, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted", null);
        }
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
