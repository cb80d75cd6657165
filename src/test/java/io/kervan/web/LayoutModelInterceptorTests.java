package io.kervan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

class LayoutModelInterceptorTests {

    final LayoutModelInterceptor interceptor = new LayoutModelInterceptor();

    MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/contacts");
        request.addParameter("q", "öztürk & co");
        request.addParameter("cursor", "abc");
        request.addParameter("sort", "-updatedAt");
        return request;
    }

    @Test
    void aPageGetsWhereItIsAndItsFiltersWithoutPaging() {
        ModelAndView page = new ModelAndView("contacts/list");

        interceptor.postHandle(request(), new MockHttpServletResponse(), new Object(), page);

        assertThat(page.getModel()).containsEntry("currentPath", "/contacts")
                .containsEntry("listQuery", "&q=%C3%B6zt%C3%BCrk+%26+co&sort=-updatedAt")
                .containsEntry("listQueryFirst", "?q=%C3%B6zt%C3%BCrk+%26+co&sort=-updatedAt")
                .containsKey("currentUser");
    }

    @Test
    void aRedirectGetsNothingThatWouldBecomeQueryParameters() {
        ModelAndView byName = new ModelAndView("redirect:/contacts");
        ModelAndView byView = new ModelAndView(new RedirectView("/contacts"));

        interceptor.postHandle(request(), new MockHttpServletResponse(), new Object(), byName);
        interceptor.postHandle(request(), new MockHttpServletResponse(), new Object(), byView);

        assertThat(byName.getModel()).isEmpty();
        assertThat(byView.getModel()).isEmpty();
    }

    @Test
    void aResponseBodyHasNoModelToFill() {
        assertThatCode(() -> interceptor.postHandle(request(), new MockHttpServletResponse(), new Object(), null))
                .doesNotThrowAnyException();
    }
}
