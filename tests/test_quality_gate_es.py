"""Spanish figures on the development pages, read through the scorer's CLI; floors at what the
Spanish path reaches (raise them as it improves, never lower them silently)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
FLOORS = {"event_f1": 0.85, "event_precision": 0.86, "event_recall": 0.84, "quote_speaker_acc": 0.95,
          "quote_recall": 0.99, "published_date_acc": 1.0, "number_recall": 0.95, "event_date_acc": 1.0,
          "incident_pair_recall": 1.0}  # found reports of two Spanish pages that the gold makes one incident
CEILINGS = {"quote_false_attributions": 0}
INCIDENT_PAIR_PRECISION = 0.95  # whenever found reports of two Spanish pages share an incident


@pytest.mark.slow
def test_spanish_dev_figures() -> None:
    if not (EVAL / "score.py").exists() or not (EVAL / "dev" / "pages").exists():
        pytest.skip(f"{EVAL} is absent: the scorer and dev pages live in ../shared beside the project")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    out = subprocess.run([sys.executable, str(EVAL / "score.py"), "--gold", str(EVAL / "dev" / "gold.json"),
                          "--pages", str(EVAL / "dev" / "pages"), "--lang", "es"],
                         capture_output=True, text=True, env=env, check=True, timeout=600)
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    low = {k: (figures[k], floor) for k, floor in FLOORS.items() if figures[k] < floor}
    assert not low, f"Spanish figures under their floors (got, floor): {low}"
    high = {k: (figures[k], top) for k, top in CEILINGS.items() if figures[k] > top}
    assert not high, f"Spanish figures over their ceilings (got, ceiling): {high}"
    precision = figures.get("incident_pair_precision")
    assert precision is None or precision >= INCIDENT_PAIR_PRECISION, f"incident pair precision {precision}"
