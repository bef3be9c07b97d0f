"""The reference: a hello-world Textual app with a footer, measured in the same run."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static


class Hello(App[None]):
    BINDINGS = [("ctrl+q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static("Hello, world")
        yield Footer()


if __name__ == "__main__":
    Hello().run()
