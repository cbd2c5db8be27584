#!/usr/bin/env python3
"""Writes a deterministic attendance register of N rows (scripts/bench uses it).

    bench_generate.py N OUT.csv [--seed 2023] [--rows-per-session 50]

One row per delegate per session, in session-date order as booking systems export:
~N/50 sessions (N/R with --rows-per-session R) over six financial years (2017-18 to 2022-23), titles with commas, doubled
quotes and non-ASCII, 5 priorities (0-2 per session), ~200,000 delegates with repeat
attendance (skewed), 40 agencies (a delegate keeps one), ~15% did not attend, 10% of
sessions dated DD/MM/YYYY. Same N and seed, same bytes (numpy's PCG64).
"""
import argparse, datetime, sys
import numpy as np
import polars as pl

PRIORITIES = ["Neglect", "Exploitation", "Domestic abuse", "Mental health", "Early help"]
TITLES = [
    "Neglect, the basics", 'Understanding "county lines"', "Working Together: what's new, and why",
    "Domestic abuse – risk assessment (DASH)", "Safeguarding children: level 3", "Child sexual exploitation",
    'The "toxic trio", revisited', "Early help assessment", "Adolescent mental health", "Online safety",
    "Graded care profile 2", "Contextual safeguarding", "Professional curiosity", "Harmful sexual behaviour",
    "Safer sleep, for practitioners", "Private fostering", "Female genital mutilation", "Annual conference £ free",
    "Trauma-informed practice", "Child protection conferences",
]
AGENCIES = [f"Agency {i:02d}" for i in range(34)] + [
    "Police", "Health, NHS Trust", "Education", "Children's Social Care", "Probation", '"Voluntary" sector']


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rows", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=2023)
    ap.add_argument("--rows-per-session", type=int, default=50)
    a = ap.parse_args()
    rng = np.random.default_rng(a.seed)
    n = a.rows
    sessions = max(1, n // a.rows_per_session)
    first = datetime.date(2017, 4, 1).toordinal()
    days = datetime.date(2023, 3, 31).toordinal() - first + 1
    s_day = np.sort(rng.integers(0, days, sessions))
    s_title = rng.integers(0, len(TITLES), sessions)
    s_kind = np.where(rng.random(sessions) < 0.1, "conference", "course")
    s_format = rng.choice(np.array(["face-to-face", "virtual", ""]), sessions, p=[0.5, 0.4, 0.1])
    p1 = rng.integers(0, len(PRIORITIES), sessions)
    p2 = rng.integers(0, len(PRIORITIES), sessions)
    howmany = rng.choice(3, sessions, p=[0.05, 0.6, 0.35])
    s_prior = []
    for i in range(sessions):
        items = [] if howmany[i] == 0 else [PRIORITIES[p1[i]]] if howmany[i] == 1 or p1[i] == p2[i] else [PRIORITIES[p1[i]], PRIORITIES[p2[i]]]
        s_prior.append(";".join(items))
    uk = rng.random(sessions) < 0.1
    s_date = []
    for i in range(sessions):
        d = datetime.date.fromordinal(first + int(s_day[i]))
        s_date.append(d.strftime("%d/%m/%Y") if uk[i] else d.isoformat())
    s_id = [f"S{i + 1:07d}" for i in range(sessions)]
    # Delegates: skewed (some attend often), each with one agency.
    delegates = 200_000
    d_agency = np.minimum((rng.pareto(1.2, delegates) * 4).astype(np.int64), len(AGENCIES) - 1)
    d_agency_name = np.array(AGENCIES, dtype=object)[d_agency]
    d_agency_name[rng.random(delegates) < 0.01] = ""
    sess = pl.DataFrame({"sid": s_id, "date": s_date, "title": np.array(TITLES, dtype=object)[s_title].tolist(),
                         "kind": s_kind.tolist(), "priorities": s_prior, "format": s_format.tolist()})
    agencies = pl.Series("agency", d_agency_name.tolist(), dtype=pl.Utf8)
    # Rows: sessions in date order; sizes ~ multinomial around 50.
    row_session = np.sort(rng.integers(0, sessions, n))
    batch = 1_000_000
    with open(a.out, "wb") as f:
        for start in range(0, n, batch):
            k = min(batch, n - start)
            rs = row_session[start:start + k]
            u = rng.random(k)
            dele = (delegates * u ** 2.2).astype(np.int64)
            att = np.where(rng.random(k) < 0.85, "yes", "no")
            df = sess[rs].select([pl.col("sid").alias("session_id"), "date", "title", "kind", "priorities", "format"]).with_columns(
                (pl.lit("D") + pl.Series("delegate_id", dele).cast(pl.Utf8).str.zfill(6)).alias("delegate_id"),
                agencies[dele].alias("agency"),
                pl.Series("attended", att.tolist()),
            )
            df.write_csv(f, include_header=start == 0, quote_style="necessary")
    return 0


if __name__ == "__main__":
    sys.exit(main())
