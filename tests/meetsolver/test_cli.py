"""`python -m meetsolver` end to end, through a real subprocess."""

import json
import os
import subprocess
import sys

import pytest

TINY = {
    "slots": [
        {"day": 1, "session": "am"},
        {"day": 1, "session": "am"},
        {"day": 1, "session": "pm"},
    ],
    "tables": 1,
    "participants": [
        {"id": "p1"},
        {"id": "p2", "unavailable": [1]},
        {"id": "p3"},
        {"id": "p4", "unavailable": [1, 2, 3]},
    ],
    "requests": [
        {"participants": ["p1", "p2"], "weight": 3, "required": True},
        {"participants": ["p1", "p3"], "weight": 2},
        {"participants": ["p2", "p3"], "weight": 1},
        {"participants": ["p3", "p4"], "weight": 2},
    ],
    "fairness": 1,
}


def run(*args, timeout=120):
    env = {**os.environ, "MEETSOLVER_PROGRESS_SECONDS": "0.2"}
    return subprocess.run(
        [sys.executable, "-m", "meetsolver", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def write(path, data):
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    return path


def test_solve_json_then_verify(tmp_path):
    instance = write(tmp_path / "tiny.json", TINY)
    out = tmp_path / "schedule.json"
    done = run("solve", instance, "--time-limit", 10, "--output", out)
    assert done.returncode == 0, done.stderr
    result = json.loads(out.read_text())
    assert result["status"] == "optimal"
    assert result["objective"]["weight"] == 3  # meetings 2 and 3; meeting 4 cannot happen
    assert result["objective"]["breaks"] == 1  # p3 meets in slots 1 and 3
    placed = {m["meeting"] for m in result["meetings"]}
    assert 1 in placed and all(("table" in m) != ("room" in m) for m in result["meetings"])
    reasons = {u["meeting"]: u["reason"] for u in result["unscheduled"]}
    assert reasons == {4: "p3 and p4 have no common free slot"}
    checked = run("verify", instance, out)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "0 violations" in checked.stderr


def test_verify_reports_a_tampered_schedule(tmp_path):
    instance = write(tmp_path / "tiny.json", TINY)
    bad = {
        "status": "feasible",
        "meetings": [{"meeting": 1, "slot": 1, "table": 1}, {"meeting": 2, "slot": 1, "table": 1}],
    }
    done = run("verify", instance, write(tmp_path / "bad.json", bad))
    assert done.returncode == 1
    assert "slot 1, where participant 'p2' is unavailable" in done.stdout
    assert "participant 'p1' has two meetings in slot 1 (requests 1 and 2)" in done.stdout


def test_infeasible_exits_3_with_conflicts(tmp_path):
    data = {
        "slots": [{"day": 1, "session": "am"}],
        "tables": 1,
        "participants": [{"id": f"p{i}"} for i in range(1, 5)],
        "requests": [
            {"participants": ["p1", "p2"], "required": True},
            {"participants": ["p3", "p4"], "required": True},
        ],
    }
    out = tmp_path / "out.json"
    done = run("solve", write(tmp_path / "inf.json", data), "--time-limit", 10, "-o", out, "-q")
    assert done.returncode == 3, done.stderr
    result = json.loads(out.read_text())
    assert result["status"] == "infeasible" and result["meetings"] == []
    assert result["conflicts"]


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (
            {**TINY, "requests": [*TINY["requests"][:4], {"participants": ["p1", "p99"]}]},
            "x.json",
            "requests[4].participants[1]: unknown participant 'p99'",
        ),
        ({**TINY, "tables": -3}, "x.json", "tables: -3 is below 0"),
        ('{"slots": [', "x.json", "malformed JSON at line 1"),
        ("whatever", "x.txt", "give a .json instance or a .dzn file"),
        ("nBusiness = 2;", "x.dzn", "x.dzn: nMeetings: missing"),
        (
            "nBusiness = 2;\nnMeetings = x;\nnTables = 1;\nnTotalSlots = 2;\n"
            "nMorningSlots = 1;\nrequested = [|1, 2, 3|];",
            "x.dzn",
            "x.dzn: nMeetings: 'x' is not a whole number",
        ),
        ("\udcff{}", "x.json", "x.json: not a text file (byte 1 is not UTF-8)"),
        ("[]", "x.json", "x.json: the instance: expected an object, got a list"),
    ],
)
def test_bad_input_exits_2_with_a_sentence(tmp_path, content, name, message):
    path = tmp_path / name
    if isinstance(content, str) and "\udcff" in content:
        path.write_bytes(content.encode("utf-8", "surrogateescape"))
    else:
        write(path, content)
    done = run("solve", path)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1  # one line


def test_missing_file_and_bad_option(tmp_path):
    done = run("solve", tmp_path / "nowhere.json")
    assert done.returncode == 2 and "no such file" in done.stderr
    done = run("solve", write(tmp_path / "t.json", TINY), "--workers", 0)
    assert done.returncode == 2 and "not a positive whole number" in done.stderr


def test_generate_writes_a_valid_instance(tmp_path):
    out = tmp_path / "event.json"
    done = run(
        "generate",
        "--participants",
        40,
        "--requests-per-participant",
        5,
        "--days",
        2,
        "--slots-per-day",
        6,
        "--tables",
        10,
        "--online-rooms",
        2,
        "--seed",
        4,
        "--output",
        out,
    )
    assert done.returncode == 0, done.stderr
    from meetsolver.jsonio import load_instance

    inst = load_instance(out)
    assert len(inst.participants) == 40 and len(inst.requests) == 100 and inst.n_slots == 12


def test_solve_a_jair_instance(jair_dir, tmp_path):
    out = tmp_path / "tic12.json"
    done = run(
        "solve", jair_dir / "instances" / "tic-12.original.dzn", "--time-limit", 8, "-o", out
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(out.read_text())
    assert len(result["meetings"]) == 125  # every meeting of a dzn file is required
    assert result["status"] in ("optimal", "feasible")
    assert "best:" in done.stderr  # at least one progress line, however short the solve
    checked = run("verify", jair_dir / "instances" / "tic-12.original.dzn", out)
    assert checked.returncode == 0, checked.stdout


def test_more_meetings_than_free_slots_writes_an_infeasible_result(jair_dir, tmp_path):
    # Participant 1 of tic-12.forb0003 has 8 meetings and 7 free slots: a reason, not bad input.
    out = tmp_path / "r.json"
    done = run("solve", jair_dir / "instances" / "tic-12.forb0003.dzn", "--output", out, "-q")
    assert done.returncode == 3, done.stderr
    result = json.loads(out.read_text())
    assert result["status"] == "infeasible" and result["meetings"] == []
    assert result["conflicts"] == [
        "participant 1 ('1') has 8 required meetings but only 7 free slots; "
        "remove required meetings or free some slots"
    ]
    assert "Traceback" not in done.stderr


def test_nothing_found_in_time_writes_an_unknown_result(tmp_path):
    # Ten required meetings of one participant in ten slots, 0.01 s: nothing found in time.
    data = {
        "slots": [{"day": 1, "session": "am"}] * 10,
        "tables": 10,
        "participants": [{"id": f"p{i}"} for i in range(11)],
        "requests": [{"participants": ["p0", f"p{i}"], "required": True} for i in range(1, 11)],
    }
    out = tmp_path / "r.json"
    done = run("solve", write(tmp_path / "u.json", data), "--time-limit", 0.01, "-o", out, "-q")
    result = json.loads(out.read_text())
    if result["status"] != "unknown":  # a fast machine may solve it even so
        pytest.skip(f"solved within 0.01 s ({result['status']})")
    assert done.returncode == 4, done.stderr
    assert "no schedule was found within the time limit" in result["reason"]
