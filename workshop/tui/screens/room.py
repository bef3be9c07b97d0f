"""The room (F5): open or close it, the QR code and the full join address, who joined, lock,
a new code, remove a phone, reveal vote totals, auto-accept. Holds no rules: it calls the
room server's Python methods and `Session.edit`.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from workshop.tui.widgets.footer import Footer
from textual.widgets.option_list import Option

from workshop.tui.widgets.plain import Static
from workshop.core.i18n import Ui
from workshop.core.room.net import host_part, local_addresses
from workshop.core.session import Session
from workshop.tui.room import RoomControl
from workshop.tui.widgets.join import QrCode
from workshop.tui.widgets.localise import localise_bindings
from workshop.tui.widgets.rtl_text import RtlText


class RoomScreen(ModalScreen[None]):
    """The facilitator's controls for participants' phones."""

    CSS_PATH = "room.tcss"
    BINDINGS = [
        Binding("escape,f5", "close", "Close", id="room-close"),
        Binding("o", "toggle_open", "Open / close the room", id="room-open"),
        Binding("l", "lock", "Lock", id="room-lock"),
        Binding("c", "rotate", "New code", id="room-rotate"),
        Binding("r", "reveal", "Show totals", id="room-reveal"),
        Binding("a", "auto_accept", "Auto-accept", id="room-auto"),
        Binding("d", "remove", "Remove phone", id="room-remove"),
        Binding("plus,equals_sign", "max_per_item(1)", "+max", id="room-max-more", show=False),
        Binding("minus", "max_per_item(-1)", "-max", id="room-max-less", show=False),
    ]

    def __init__(self, control: RoomControl, session: Session, ui: Ui, *, addresses: list[str] | None = None) -> None:
        super().__init__(classes="-rtl" if ui.rtl else "-ltr")
        self.control = control
        self.session = session
        self.ui = ui
        self.addresses = addresses if addresses is not None else local_addresses()
        localise_bindings(self, ui)
        self._unsubscribe = session.subscribe(lambda _s: self._update())

    def on_unmount(self) -> None:
        self._unsubscribe()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Room keys only while the room is open (the footer shows only what works)."""
        if action in ("lock", "rotate", "remove") and not self.control.is_open:
            return False
        return True

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        ui = self.ui
        server = self.control.server
        with Vertical(classes="dialog wide", id="room"):
            yield Static(ui.label("room.screen.title"), classes="heading")
            if server is None or not server.is_open:
                yield RtlText(ui.text("room.screen.choose", port=self.control.port), mode=ui.mode)
                yield OptionList(
                    *[Option(Text(f"{host_part(a)}:{self.control.port}"), id=a) for a in self.addresses],
                    id="addresses",
                )
                yield RtlText(ui.text("room.screen.closed_hint"), mode=ui.mode, classes="muted")
            else:
                with Horizontal(id="room-top"):
                    if not ui.rtl:
                        yield QrCode(server.url, id="qr")
                    with Vertical(id="room-info"):
                        yield Static(ui.label("room.screen.join_at"), classes="muted")
                        yield Static(Text(server.url), id="room-url")
                        yield Static(Text(""), id="room-code")
                        yield RtlText("", mode=ui.mode, id="room-state")
                        yield RtlText("", mode=ui.mode, id="room-votes")
                        yield OptionList(id="devices")
                    if ui.rtl:
                        yield QrCode(server.url, id="qr")
            yield RtlText("", mode=ui.mode, id="room-pending", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self._update()
        if self.query("#addresses"):
            addresses = self.query_one("#addresses", OptionList)
            addresses.focus()
            if self.control.host in self.addresses:
                addresses.highlighted = self.addresses.index(self.control.host)

    def _update(self) -> None:
        if not self.is_attached:
            return
        ui = self.ui
        room = self.session.workshop.room
        pending = sum(1 for e in room.inbox if e.status == "pending")
        self.query_one("#room-pending", RtlText).text = ui.text("room.screen.pending", count=pending)
        server = self.control.server
        if server is None or not server.is_open or not self.query("#room-url"):
            return
        status = server.status()
        self.query_one("#room-url", Static).update(Text(server.url))
        self.query_one("#room-code", Static).update(Text(ui.show(ui.text("room.screen.code", code=server.code))))
        state = ui.text("room.screen.locked") if status.locked else ui.text("room.screen.open")
        self.query_one("#room-state", RtlText).text = ui.text(
            "room.screen.state", state=state, count=len(status.devices)
        )
        self.query_one("#room-votes", RtlText).text = ui.text(
            "room.screen.votes",
            shown=ui.text("room.screen.yes" if room.reveal_votes else "room.screen.no"),
            auto=ui.text("room.screen.yes" if room.auto_accept else "room.screen.no"),
            max=room.max_per_item,
            budget=self.session.workshop.timing.dots_per_participant,
        )
        devices = self.query_one("#devices", OptionList)
        highlighted = devices.highlighted
        devices.clear_options()
        for device in status.devices:
            name = device.name.strip() or ui.text("room.anonymous")
            shown = ui.text("room.screen.name_shown") if device.show_name and device.name.strip() else ""
            devices.add_option(Option(Text(ui.show(f"{name} {shown}".strip())), id=device.id))
        if devices.option_count:
            devices.highlighted = min(highlighted or 0, devices.option_count - 1)

    # ------------------------------------------------------------------ actions

    def action_close(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#addresses")
    async def _address_chosen(self, event: OptionList.OptionSelected) -> None:
        await self._open(str(event.option.id))

    async def _open(self, host: str) -> None:
        error = await self.control.open(self.session, host, self.control.port)
        if error is not None:
            self.notify(self.ui.text(error.key, **error.params), severity="error", timeout=12)
            return
        await self.recompose()
        self._update()
        self.query_one("#devices", OptionList).focus()

    async def action_toggle_open(self) -> None:
        if self.control.is_open:
            await self.control.close()
            await self.recompose()
            self._update()
            return
        addresses = self.query("#addresses")
        if addresses:
            option_list = addresses.first(OptionList)
            index = option_list.highlighted or 0
            await self._open(self.addresses[index])

    def action_lock(self) -> None:
        server = self.control.server
        if server is not None:
            server.set_locked(not server.locked)
            self.notify(self.ui.text("room.screen.locked_now" if server.locked else "room.screen.unlocked_now"))
            self._update()

    def action_rotate(self) -> None:
        server = self.control.server
        if server is not None:
            server.rotate_code()
            self.query_one("#qr", QrCode).show(server.url)
            self._update()

    def action_reveal(self) -> None:
        self._edit_room(lambda room: setattr(room, "reveal_votes", not room.reveal_votes))

    def action_auto_accept(self) -> None:
        self._edit_room(lambda room: setattr(room, "auto_accept", not room.auto_accept))

    def action_max_per_item(self, delta: int) -> None:
        room = self.session.workshop.room
        wanted = max(1, min(50, room.max_per_item + delta))
        self._edit_room(lambda r: setattr(r, "max_per_item", wanted))

    def _edit_room(self, change) -> None:  # type: ignore[no-untyped-def]
        if self.session.read_only:
            self.notify(self.ui.text("app.read_only_refused"), severity="warning")
            return
        self.session.edit(lambda w: change(w.room))
        self._update()

    def action_remove(self) -> None:
        server = self.control.server
        devices = self.query("#devices")
        if server is None or not devices:
            return
        option_list = devices.first(OptionList)
        if option_list.highlighted is None:
            return
        device_id = option_list.get_option_at_index(option_list.highlighted).id
        if device_id and server.remove_device(device_id):
            self.notify(self.ui.text("room.screen.removed"))
        self._update()
