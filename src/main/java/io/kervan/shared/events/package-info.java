/** Housekeeping of the event publication registry (Spring Modulith's outbox). */
package io.kervan.shared.events;
