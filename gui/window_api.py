"""The window's public entry points (menus, tests, other panels call them on the window);
each hands the call to the collaborator that owns that concern."""

from __future__ import annotations


def _forward(collaborator: str, name: str):
    """A window method that hands the call to one of its collaborators."""
    def method(self, *args, **kwargs):
        return getattr(getattr(self, collaborator), name)(*args, **kwargs)

    method.__name__ = name
    method.__doc__ = f"Window entry point: ``{collaborator}.{name}``."
    return method


# The window's public entry points (menus, tests, other panels) stay where they were; the work
# is done by collaborators that each own one concern.
FORWARDED = {
    "navigation": ("next_difference", "previous_difference", "next_match", "previous_match",
                   "show_stop", "select_match", "set_sync_scroll"),
    "files": ("load_files", "load_dropped", "open_side", "remember_file",
              "refresh_recent_menu", "swap_sides", "reload", "ask_reload"),
    "reports": ("print_report", "preview_report", "export_pdf", "export_html",
                "edit_settings", "apply_options"),
}


def install_entry_points(window_class: type) -> None:
    """Give ``window_class`` the forwarding methods and the two navigator properties."""
    for owner, names in FORWARDED.items():
        for name in names:
            setattr(window_class, name, _forward(owner, name))
    window_class.diff_nav = property(lambda self: self.navigation.diff_nav,
                                     doc="Stops at reworded and unique passages.")
    window_class.match_nav = property(lambda self: self.navigation.match_nav,
                                      doc="Stops at every match.")

