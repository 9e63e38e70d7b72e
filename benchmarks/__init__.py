"""Speed, memory and accuracy measurements of Concord (run as `python -m benchmarks.NAME`)."""
