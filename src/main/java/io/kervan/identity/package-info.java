/**
 * Users, teams, roles, sign-in (form and API tokens), login throttling, the first-run setup and the
 * record visibility rule ({@link io.kervan.identity.Visibility}) that every business module applies.
 * Owns the tables {@code users}, {@code teams}, {@code api_tokens} and the Spring Session tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package io.kervan.identity;
