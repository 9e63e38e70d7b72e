"""Qt-free view model: what the window, the report and the CLI show, computed once."""
