package io.kervan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/** Kervan CRM: one executable, a modular monolith (see DESIGN.md and the README's module map). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class KervanApplication {

    public static void main(String[] args) {
        SpringApplication.run(KervanApplication.class, args);
    }
}
