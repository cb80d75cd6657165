/**
 * Persistent, cluster-safe background jobs on db-scheduler. Any module contributes a job by
 * declaring a {@code com.github.kagkarlsson.scheduler.task.Task} bean; recurring tasks (those that
 * are also {@code OnStartup}) are scheduled when the application starts. Work is claimed through
 * the {@code scheduled_tasks} table, so on several nodes each execution runs on exactly one node.
 */
package io.kervan.shared.jobs;
