"""Make the README's screenshots: the real window at three zoom levels, with the events table (light and dark),
the chronology by actor (lanes by tag, light and dark), and exports.

Run it on a real X server (e.g. `Xvfb :99 -screen 0 1600x1000x24 & DISPLAY=:99 python docs/make_screenshots.py`);
it writes docs/screenshots/*.png. Look at every picture before committing it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from viewer.cli import main as cli_main
from viewer.model.dates import parse_date
from viewer.render.lanes import LaneChoices, LaneMode
from viewer.resources import SHIPPED_CHRONOLOGY
from viewer.ui.main_window import MainWindow
from viewer.ui.theme_choice import ThemeChoice

OUT = Path(__file__).resolve().parent / "screenshots"


def settle(milliseconds: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def shoot(window: MainWindow, name: str) -> None:
    settle()
    window.grab().save(str(OUT / name))
    print("wrote", OUT / name)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setOrganizationName("timeline-viewer-screenshots")  # not the user's own settings
    QSettings().clear()  # nor the last run's: every run starts from the same window
    window = MainWindow(SHIPPED_CHRONOLOGY)
    window.resize(1500, 860)
    window.show()
    settle(800)
    window.view.fit_all()
    shoot(window, "window-all.png")

    window.view.set_range(parse_date("2018-04").start_seconds, parse_date("2019-03").end_seconds)
    window.view.select(window.store().index_of("singapore-summit"), ensure_visible=False)
    shoot(window, "window-2018-2019.png")

    window.view.set_range(parse_date("2019-02-26").start_seconds, parse_date("2019-03-01").end_seconds)
    window.view.select(window.store().index_of("hanoi-summit"), ensure_visible=False)
    shoot(window, "window-hanoi.png")

    # The events table docked under the timeline, in both themes.
    window.resize(1500, 1000)
    window.table_toggle.trigger()
    window.resizeDocks([window.table_dock], [330], Qt.Orientation.Vertical)
    window.view.set_range(parse_date("2018-04").start_seconds, parse_date("2019-03").end_seconds)
    window.view.select(window.store().index_of("singapore-summit"), ensure_visible=False)
    shoot(window, "window-table.png")
    window.set_theme_choice(ThemeChoice.DARK, save=False)
    window.view.select(window.store().index_of("hanoi-summit"), ensure_visible=False)
    shoot(window, "window-table-dark.png")
    window.set_theme_choice(ThemeChoice.SYSTEM, save=False)
    window.table_toggle.trigger()  # the table closed again for the lanes
    window.set_theme_choice(ThemeChoice.LIGHT, save=False)

    # By actor: a lane per tag; an event with several actors is in each of their lanes, selected in all.
    window.state.set_lane_mode(LaneMode.TAGS)
    window.resize(1600, 1000)  # seven lanes want the height
    settle()
    window.view.set_range(parse_date("2018-04").start_seconds, parse_date("2019-03").end_seconds)
    window.view.select(window.store().index_of("pompeo-visits-vietnam"), ensure_visible=False)
    shoot(window, "window-by-actor.png")
    window.set_theme_choice(ThemeChoice.DARK, save=False)
    window.view.set_range(parse_date("2019-01-25").start_seconds, parse_date("2019-03-03").end_seconds)
    window.view.select(window.store().index_of("hanoi-summit-collapses"), ensure_visible=False)
    shoot(window, "window-by-actor-dark.png")
    window.set_theme_choice(ThemeChoice.SYSTEM, save=False)
    window.state.set_lane_choices(LaneChoices())
    window.close()

    code = cli_main(["export", str(SHIPPED_CHRONOLOGY), "-o", str(OUT / "export-february-2019.png"),
                     "--width", "1600", "--height", "640", "--from", "2019-01-28", "--to", "2019-03-03",
                     "--title", "February 2019: from the State of the Union to Hanoi"])  # fmt: skip
    if code:
        return code
    for theme in ("light", "dark"):
        code = cli_main(["export", str(SHIPPED_CHRONOLOGY), "-o", str(OUT / f"export-by-actor-{theme}.png"),
                         "--width", "1800", "--height", "960", "--from", "2018-04", "--to", "2019-04",
                         "--lanes", "tags", "--theme", theme,
                         "--title", "From Punggye-ri to Hanoi, by actor"])  # fmt: skip
        if code:
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main())
