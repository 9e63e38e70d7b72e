"""Tests of the format readers: fixtures built in the tests, one known article."""
