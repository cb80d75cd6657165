/**
 * Global search: one query over contacts, companies, leads and deals at once, for the search box in
 * the top bar ({@code /search}, {@code /search/suggest}) and the API ({@code /api/v1/search}). Owns no
 * table: each record type is searched through its module's public list service, with that module's
 * search text, typo corrections and visibility rule, so the box never finds a record its list would not.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package io.kervan.search;
