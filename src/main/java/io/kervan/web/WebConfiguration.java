package io.kervan.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /**
     * Spring Boot applies a {@link WebMvcRegistrations} only if it is the only one, or the primary one. The htmx
     * library registers its own (handler mapping, adapter and exception resolver for its {@code @Hx…}
     * annotations), so this one is primary and hands the library's parts on: with two and neither primary, Boot
     * silently used neither.
     */
    @Bean
    @Primary
    WebMvcRegistrations kervanMvcRegistrations(HtmxMvcAutoConfiguration htmx) {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirstHandlerMapping();
            }

            @Override
            public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
                return htmx.getRequestMappingHandlerAdapter();
            }

            @Override
            public ExceptionHandlerExceptionResolver getExceptionHandlerExceptionResolver() {
                return htmx.getExceptionHandlerExceptionResolver();
            }
        };
    }

    @Bean
    LocaleResolver localeResolver() {
        return new UserLocaleResolver();
    }

    /**
     * Turns off the link rewriting Spring Boot adds with the webjars resource chain. It passes every link a
     * page builds ({@code @{/deals/…}} as much as {@code @{/js/…}}) through the static resource resolvers,
     * and since the static path pattern is {@code /**}, each non-resource link became class-path lookups in
     * the jar that are never cached (only hits are): a board of a few hundred cards spent seconds there.
     * Kervan does not fingerprint its resources, and version-less webjar links ({@code /webjars/htmx.org/…})
     * are still resolved when the browser requests them, by the resource handler itself.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /**
     * {@code ?lang=tr} switches the language before sign-in (the login page's switch); every rendered page gets
     * the layout's model ({@link LayoutModelInterceptor}).
     */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor).excludePathPatterns("/api/**");
        registry.addInterceptor(new LayoutModelInterceptor()).excludePathPatterns("/api/**");
    }
}
