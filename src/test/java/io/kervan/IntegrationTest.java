package io.kervan;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * An integration test against the real application on a real (embedded) PostgreSQL. All tests with
 * this annotation share one application context and one database, so they must not depend on the
 * database being empty: each creates the users and records it needs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kervan.admin.email=admin@kervan.test", "kervan.admin.password=admin-password-1"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface IntegrationTest {
}
