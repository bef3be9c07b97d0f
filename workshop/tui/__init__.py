"""The terminal UI (Textual): the app, its screens, widgets and styles."""
