"""A real browser on a phone-sized screen, in English and Arabic: join by the code, add a SWOT item,
vote, lose the network and come back, and see the items arrive in the facilitator's inbox.

Playwright drives the system Chromium (`/usr/bin/chromium`, installed by `.ci/run`; Playwright's own
browser download is not used). One browser is launched for the whole module. Screenshots of each
language's page go to $ROOM_SCREENSHOTS when set (look at them), else to the test's tmp folder.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import pytest_asyncio

from appkit import wait_until

from workshop.core.room import inbox
from workshop.core.steps.swot import add_swot
from workshop.core.service import Workshops
from workshop.tui.app import make_app

CHROMIUM = os.environ.get("ROOM_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
WAIT = 15_000  # ms: generous for a busy 2-core CI machine; each wait ends as soon as it is met

playwright_api = pytest.importorskip("playwright.async_api")
pytestmark = [
    pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason=f"no Chromium at {CHROMIUM} (.ci/run installs it)"),
    pytest.mark.asyncio(loop_scope="module"),
]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def browser():  # type: ignore[no-untyped-def]
    async with playwright_api.async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield launched
        await launched.close()


def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("ROOM_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize(
    ("language", "idea", "offline_idea", "send"),
    [
        ("en", "Youth clubs that meet every week", "Buses stop at 6 pm", "Send"),
        ("ar", "نوادي الشباب التي تلتقي كل أسبوع", "الحافلات تتوقف عند السادسة", "أرسل"),
    ],
)
async def test_a_phone_joins_adds_votes_and_survives_going_offline(  # type: ignore[no-untyped-def]
    browser, make_config, data_dir: Path, tmp_path: Path, language: str, idea: str, offline_idea: str, send: str
) -> None:
    workshops = Workshops.at(data_dir)
    workshop = workshops.create("Room — browser test" if language == "en" else "الغرفة — اختبار المتصفح", language)
    config = make_config(open_ref=workshop.id, step="swot", language=language, room=True, room_host="127.0.0.1", room_port=0)
    app = make_app(config, environ={"TERM": "xterm-256color"})
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(200):
            await pilot.pause()
            if app.room.is_open:
                break
        server = app.room.server
        assert server is not None and server.is_open
        app.session.edit(lambda w: add_swot(w, "threat", "Clinic closing" if language == "en" else "إغلاق العيادة"))

        context = await browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale=language)
        page = await context.new_page()
        page.set_default_timeout(WAIT)
        try:
            await page.goto(server.url)
            assert await page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
            assert await page.input_value("#code") == server.code
            await page.fill("#name", "Amal" if language == "en" else "أمل")
            await page.click("form.join button")
            await page.wait_for_selector("#live section[data-target='swot.strength']")

            strengths = page.locator("section[data-target='swot.strength']")
            await strengths.locator("textarea").fill(idea)
            await strengths.get_by_role("button", name=send).click()
            await page.wait_for_selector("#net.saved")

            threat = page.locator("section[data-target='swot.threat'] li[data-id]").first
            await threat.locator("form").nth(1).locator("button").click()
            await page.locator("section[data-target='swot.threat'] .mine", has_text="●").wait_for()

            await context.set_offline(True)
            weaknesses = page.locator("section[data-target='swot.weakness']")
            await weaknesses.locator("textarea").fill(offline_idea)
            await weaknesses.get_by_role("button", name=send).click()
            await page.wait_for_selector("#net.waiting")
            await page.screenshot(path=str(shots(tmp_path) / f"room-{language}-offline.png"), full_page=True)
            await context.set_offline(False)
            await page.wait_for_selector("#net.saved")
            await page.wait_for_selector(".sent li")
            await page.screenshot(path=str(shots(tmp_path) / f"room-{language}.png"), full_page=True)
        finally:
            await context.close()

        await pilot.pause()
        pending = inbox.pending(app.session.workshop, "swot")
        assert [(e.target, e.text) for e in pending] == [("swot.strength", idea), ("swot.weakness", offline_idea)]
        assert app.session.workshop.swot_of("threat")[0].votes == 1
        await pilot.press("escape")  # the room screen `--room` opened with, back to the step
        # The panel shows once the step screen is back and has heard of the room's entries: wait for it, don't race it.
        await wait_until(
            pilot,
            lambda: bool(app.screen.query("#inbox")) and app.screen.query_one("#inbox").display,
            what="the step's inbox panel showing the phone's two items",
        )
        await pilot.press("f6", "enter")
        app.save_now()
        saved = workshops.load(workshop.id)
        assert [i.text for i in saved.swot_of("strength")] == [idea]


async def test_a_phone_answers_the_checklist_and_changes_its_answer(  # type: ignore[no-untyped-def]
    browser, make_config, data_dir: Path, tmp_path: Path
) -> None:
    from workshop.core.room.answers import readiness_tally

    workshop = Workshops.at(data_dir).create("Room — readiness", "en")
    config = make_config(open_ref=workshop.id, step="readiness", language="en", room=True, room_host="127.0.0.1", room_port=0)
    app = make_app(config, environ={"TERM": "xterm-256color"})
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.room.is_open, what="the room opened by --room")
        server = app.room.server
        context = await browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="en")
        page = await context.new_page()
        page.set_default_timeout(WAIT)
        try:
            await page.goto(server.url)
            await page.click("form.join button")
            first = page.locator("li[data-ask='readiness.q1']")
            for answer in ("Yes", "Unsure"):  # room.js sends the pressed button's value, then the change
                await first.get_by_role("button", name=answer).click()
                await first.locator("button[aria-pressed='true']", has_text=answer).wait_for()
                await page.wait_for_selector("#net.saved")
            await page.screenshot(path=str(shots(tmp_path) / "room-en-readiness.png"), full_page=True)
        finally:
            await context.close()
        await wait_until(pilot, lambda: readiness_tally(app.session.workshop)["q1"]["unsure"] == 1)
        assert readiness_tally(app.session.workshop)["q1"] == {"yes": 0, "no": 0, "unsure": 1}
