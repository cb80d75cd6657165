package io.kervan.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kervan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The application's own MVC registrations are in use. They were not for a while: with the htmx library's
 * registrations beside them Spring Boot used neither, and nothing failed. The routing itself is exercised by
 * every MockMvc and browser test.
 */
@IntegrationTest
class PathFirstHandlerMappingIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void requestsAreRoutedThroughThePathFirstMapping() {
        assertThat(context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class))
                .isInstanceOf(PathFirstHandlerMapping.class);
    }

    @Test
    void aMappingIsTurnedDownByTheLiteralStartOfItsPatternOnly() {
        assertThat(PathFirstHandlerMapping.literalStart("/api/v1/contacts/{id}")).isEqualTo("/api/v1/contacts/");
        assertThat(PathFirstHandlerMapping.literalStart("/webjars/**")).isEqualTo("/webjars/");
        assertThat(PathFirstHandlerMapping.literalStart("/imports/{id:[0-9a-f-]+}/errors")).isEqualTo("/imports/");
        assertThat(PathFirstHandlerMapping.literalStart("/deals/board")).isEqualTo("/deals/board");
        assertThat(PathFirstHandlerMapping.literalStart("/file?.csv")).isEqualTo("/file");
    }
}
