"""Issue 15 at the command line: special files, terminal injection, encodings, and export's failures.

`check` and `list` escape every text they print (one problem is one line, no escape sequence reaches the
terminal), work when stdout cannot encode the text, refuse devices and pipes at once, and `export`
validates its numbers up front, never replaces what is not a regular file, names the OS error, and leaves
an existing output byte-identical when the input is broken.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from viewer.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, main
from viewer.resources import SHIPPED_CHRONOLOGY

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"


def _chronology(folder: Path, title: str, date: str = "2019-02-27") -> Path:
    (folder / "a.txt").write_text("The words of the source.", encoding="utf-8")
    path = folder / "c.yaml"
    path.write_text(
        "timeline: {title: T}\nsources:\n  - {id: a, title: A, file: a.txt}\nevents:\n"
        f"  - id: e\n    title: {json.dumps(title)}\n    date: {json.dumps(date)}\n"
        "    quotes: [{source: a, text: The words}]\n",
        encoding="utf-8",
    )
    return path


def _run(*args: str, env: dict[str, str] | None = None, timeout: float = 20) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "viewer", *args], capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=timeout, cwd=ROOT, env=environment)  # fmt: skip


# -- 1. special files ---------------------------------------------------------------------------------
def test_check_refuses_a_device_at_once() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    done = _run("check", "/dev/zero", timeout=20)
    assert done.returncode == EXIT_PROBLEMS
    assert done.stdout.splitlines() == ["/dev/zero: cannot read the file: it is a device (character special file), "
                                        "not a regular file"]  # fmt: skip
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("command", ["check", "list", "export"])
def test_no_command_blocks_on_a_named_pipe(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    extra = ["-o", str(tmp_path / "out.png")] if command == "export" else []
    done = _run(command, str(fifo), *extra, timeout=20)
    assert done.returncode == EXIT_PROBLEMS
    assert "it is a named pipe (FIFO), not a regular file" in done.stdout + done.stderr
    assert not (tmp_path / "out.png").exists()


# -- 4. output injection ------------------------------------------------------------------------------
def test_check_prints_one_line_per_problem_whatever_a_key_holds(capsys: pytest.CaptureFixture[str]) -> None:
    path = CORPUS / "key_with_newline.yaml"
    assert main(["check", str(path)]) == EXIT_PROBLEMS
    out = capsys.readouterr().out
    assert len(out.splitlines()) == 1
    assert out.startswith(f"{path}:15:5: unknown field 'tags\\nvalid.yaml:1:1: all is well'")


def test_list_escapes_escape_sequences_in_titles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _chronology(tmp_path, "Red \x1b[31malert\x1b[0m\u202eevil\u2028next\x9b2J")
    assert main(["list", str(path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\u2028" not in out and "\x9b" not in out
    assert "Red \\x1b[31malert\\x1b[0m\\u202eevil\\u2028next\\x9b2J" in out
    assert len(out.splitlines()) == 1


@pytest.mark.parametrize("shape", ["--json", "--jsonl"])
def test_list_json_writes_no_raw_control_character_and_reads_back_the_same(tmp_path: Path, capsys, shape) -> None:
    title = "a\x1b[2Jb\x9b\u2028\u202e\x7f"
    path = _chronology(tmp_path, title)
    assert main(["list", str(path), shape]) == EXIT_OK
    out = capsys.readouterr().out
    assert not any(ch in out for ch in "\x1b\x9b\u2028\u202e\x7f")
    events = json.loads(out) if shape == "--json" else [json.loads(line) for line in out.splitlines()]
    assert events[0]["title"] == title


def test_check_escapes_a_date_that_holds_an_escape_sequence(tmp_path: Path, capsys) -> None:
    path = _chronology(tmp_path, "T", date="\x1b]0;owned\x07 2019")
    assert main(["check", str(path)]) == EXIT_PROBLEMS
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert len(out.splitlines()) == 1


# -- 10. stdout that cannot encode the text -----------------------------------------------------------------
@pytest.mark.parametrize("args", [["check"], ["list"], ["list", "--json"]])
def test_check_and_list_work_when_stdout_is_ascii(args: list[str]) -> None:
    command, *rest = args
    done = _run(command, str(SHIPPED_CHRONOLOGY), *rest, env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == EXIT_OK, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.isascii()


def test_problems_print_when_stdout_is_ascii(tmp_path: Path) -> None:
    path = _chronology(tmp_path, "Kim’s – summit", date="2019-02-30")
    done = _run("check", str(path), env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == EXIT_PROBLEMS
    assert "Traceback" not in done.stderr
    assert len(done.stdout.splitlines()) == 1


# -- 9. export ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("scale", ["inf", "1e-9", "1e-300", "1e-5", "nan", "-1", "0", "1e308", "abc"])
def test_an_impossible_scale_is_refused_up_front(qapp, scale: str, tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.png"
    try:
        code = main(["export", str(SHIPPED_CHRONOLOGY), "-o", str(out), "--scale", scale])
    except SystemExit as exit_:  # argparse refuses what is not a number at all
        code = exit_.code
    assert code == EXIT_USAGE
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "scale" in err
    assert not out.exists()


@pytest.mark.parametrize(("width", "height"), [("100001", "10"), ("10", "999999999")])
def test_an_impossible_size_is_refused_up_front(qapp, width: str, height: str, tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.svg"
    assert main(["export", str(SHIPPED_CHRONOLOGY), "-o", str(out), "--width", width, "--height", height]) == 2
    assert "pixels on a side" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_export_never_replaces_a_named_pipe(qapp, tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "out.png"
    os.mkfifo(fifo)
    assert main(["export", str(SHIPPED_CHRONOLOGY), "-o", str(fifo)]) == EXIT_PROBLEMS
    assert "is a named pipe (FIFO), not a regular file; it was not replaced" in capsys.readouterr().err
    assert fifo.is_fifo()


def test_export_never_replaces_a_symlink_to_a_device(qapp, tmp_path: Path, capsys) -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null here")
    link = tmp_path / "out.png"
    link.symlink_to("/dev/null")
    assert main(["export", str(SHIPPED_CHRONOLOGY), "-o", str(link)]) == EXIT_PROBLEMS
    assert "is a device (character special file), not a regular file" in capsys.readouterr().err
    assert link.is_symlink() and str(link.readlink()) == "/dev/null"


def test_export_through_a_symlink_to_a_regular_file_replaces_the_target_and_keeps_the_link(qapp, tmp_path) -> None:
    target = tmp_path / "real.png"
    target.write_bytes(b"old")
    link = tmp_path / "out.png"
    link.symlink_to(target)
    assert main(["export", str(SHIPPED_CHRONOLOGY), "-o", str(link), "--width", "200", "--height", "100"]) == 0
    assert link.is_symlink()
    assert target.read_bytes().startswith(b"\x89PNG")


def test_a_full_disk_is_named(qapp, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    from viewer.export import saving

    out = tmp_path / "out.png"
    out.write_bytes(b"the previous picture")

    def full(_descriptor, _data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(saving.os, "write", full)
    assert main(["export", str(SHIPPED_CHRONOLOGY), "-o", str(out), "--width", "200", "--height", "100"]) == 1
    err = capsys.readouterr().err
    assert f"cannot write {out}: No space left on device; nothing was written" in err
    assert out.read_bytes() == b"the previous picture"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.png"]


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_a_broken_input_leaves_an_existing_output_byte_identical(qapp, tmp_path: Path, suffix: str, capsys) -> None:
    out = tmp_path / f"out{suffix}"
    out.write_bytes(b"previous bytes \x00\x01")
    before = out.stat()
    for broken in ("url_unclosed_bracket.yaml", "form_feed.yaml", "source_symlink_loop.yaml"):
        assert main(["export", str(CORPUS / broken), "-o", str(out)]) == EXIT_PROBLEMS
    assert out.read_bytes() == b"previous bytes \x00\x01"
    assert out.stat().st_mtime_ns == before.st_mtime_ns
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


@pytest.mark.parametrize("title", ["bad \x01 byte", "non\ufffecharacter", "and \uffff too", "tab\tand\x0bvt"])
def test_an_svg_of_any_title_is_well_formed_xml(qapp, tmp_path: Path, title: str) -> None:
    path = _chronology(tmp_path, title)
    out = tmp_path / "out.svg"
    assert main(["export", str(path), "-o", str(out), "--title", title, "--width", "400", "--height", "200"]) == 0
    root = ElementTree.fromstring(out.read_bytes())  # raises if not well-formed
    assert root.tag.endswith("svg")
