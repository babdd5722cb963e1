"""Runs on a task queue (huey): the queue, its workers, recovery and waiting for a run."""
