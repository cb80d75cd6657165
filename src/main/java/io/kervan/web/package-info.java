/**
 * The shell around every page and API call: layout model, navigation, language (per user), error
 * pages and the API's problem+json mapping. No business logic and no tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package io.kervan.web;
