package io.kervan.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in. Dashboards come with the analytics module. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
