"""Tests of the eval harness."""
