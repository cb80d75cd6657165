package io.kervan.identity;

import io.kervan.shared.ProblemJson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Three ways in: HTTP Basic only to obtain an API token, Bearer tokens for the rest of the API (and
 * actuator), and form login with a JDBC-stored session for the browser UI.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** No inline script anywhere: htmx and page behaviour come from files under /js and /webjars. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * No observation of Security's filters, logins or access decisions. Each of the ~15 filters was observed on every
     * request (a timer and a long-task timer apiece), about a tenth of an API read's CPU, for metrics nobody reads.
     * The property {@code management.observations.enable.spring.security=false}, used until session 22, only made
     * those observations no-ops: the chain was still wrapped and asked the registry's predicates per filter. With
     * this bean it is not wrapped at all (docs/benchmarks.md, eighteenth round). Requests are still timed as a whole
     * (http.server.requests).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(KervanUserDetailsService userDetails, PasswordEncoder encoder,
            UserRepository users, LoginThrottleProperties throttle) {
        return new ProviderManager(new ThrottledAuthenticationProvider(userDetails, encoder, users, throttle));
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenIssuing(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        return http.securityMatcher("/api/v1/auth/tokens")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(problemEntryPoint()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens) throws Exception {
        return http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/api/docs", "/api/docs/**", "/api/swagger-ui/**").permitAll()
                        .requestMatchers("/api/v1/users/me").authenticated()
                        .requestMatchers("/api/v1/users", "/api/v1/users/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/teams", "/api/v1/teams/**").authenticated()
                        .requestMatchers("/api/v1/teams", "/api/v1/teams/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/audit/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problemEntryPoint())
                        .accessDeniedHandler(problemAccessDenied()))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain browser(HttpSecurity http, AuthenticationManager authenticationManager,
            FirstRunSetup setup) throws Exception {
        return http
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
                                "/login", "/setup", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        // private calendar feeds: the secret token in the URL is checked by the calendar module
                        .requestMatchers(HttpMethod.GET, "/calendar/*/*.ics").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new SetupRedirectFilter(setup), org.springframework.security.web.csrf.CsrfFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    static AuthenticationEntryPoint problemEntryPoint() {
        return (request, response, exception) -> {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/auth/tokens")) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Kervan\"");
            } else {
                response.setHeader("WWW-Authenticate", "Bearer");
            }
            String detail = exception instanceof org.springframework.security.authentication.LockedException
                    ? "Too many failed sign-ins; try again later"
                    : "Authentication required: send 'Authorization: Bearer <token>'";
            ProblemJson.write(response, 401, "Unauthorized", detail);
        };
    }

    static AccessDeniedHandler problemAccessDenied() {
        return (request, response, exception) -> ProblemJson.write(response, 403, "Forbidden",
                "Your role does not allow this request");
    }
}
