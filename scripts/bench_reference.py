#!/usr/bin/env python3
"""The attendance aggregation of annual-report, in DuckDB or polars, for scripts/bench.

    bench_reference.py duckdb|polars REGISTER.csv OUT.json
    bench_reference.py tool TABLES_DIR OUT.json      (reads annual-report's tables/*.csv)
    bench_reference.py compare A.json B.json ...      (prints table by table; exit 1 on a difference)

Same rules as SPEC.md: the reporting year Y is the latest financial year (1 April to
31 March) in the register; per year: sessions (distinct session_id), registrations (rows),
attendances (attended = yes) and people (distinct delegate_id among attended rows); per
priority (`;`-separated) and per agency (blank = "Not recorded"), for Y and Y-1.
The output is {"trend": {...}, "priorities": {...}, "priorities-previous": {...}, "agencies": {...}}
plus "seconds", the time of the query alone (reading included).
"""
import csv, json, sys, time


def fy_label(y):
    return f"{y}-{(y + 1) % 100:02d}"


def from_rows(trend_rows, prio_rows, agency_rows):
    """trend_rows: (fy, sessions, registrations, attendances, people);
    prio_rows: (fy, priority, sessions, attendances, people); agency_rows: (fy, agency, attendances, people)."""
    trend = {fy_label(int(r[0])): [int(x) for x in r[1:]] for r in trend_rows}
    y = max(int(r[0]) for r in trend_rows)
    out = {"trend": trend, "priorities": {}, "priorities-previous": {}, "agencies": {}}
    for fy, p, s, a, n in prio_rows:
        key = "priorities" if int(fy) == y else "priorities-previous" if int(fy) == y - 1 else None
        if key:
            out[key][p] = [int(s), int(a), int(n)]
    for fy, g, a, n in agency_rows:
        if int(fy) in (y - 1, y):
            out["agencies"].setdefault(g.lower(), {})[fy_label(int(fy))] = [int(a), int(n)]
    return out


def run_duckdb(path):
    import duckdb
    t = time.perf_counter()
    con = duckdb.connect()
    con.execute(f"""
        CREATE TEMP TABLE r AS
        WITH raw AS (SELECT * FROM read_csv('{path}', header = true, all_varchar = true, quote = '"', escape = '"'))
        SELECT session_id, priorities, delegate_id,
               coalesce(nullif(trim(agency), ''), 'Not recorded') AS agency,
               lower(trim(attended)) = 'yes' AS att,
               coalesce(try_strptime(date, '%Y-%m-%d'), try_strptime(date, '%d/%m/%Y'))::DATE AS d
        FROM raw""")
    con.execute("CREATE TEMP TABLE f AS SELECT *, year(d) - CASE WHEN month(d) < 4 THEN 1 ELSE 0 END AS fy FROM r")
    trend = con.execute("""SELECT fy, count(DISTINCT session_id), count(*), count(*) FILTER (att),
                           count(DISTINCT delegate_id) FILTER (att) FROM f GROUP BY fy ORDER BY fy""").fetchall()
    y = max(r[0] for r in trend)
    prio = con.execute(f"""
        WITH p AS (SELECT fy, session_id, delegate_id, att, trim(unnest(string_split(priorities, ';'))) AS priority
                   FROM f WHERE fy IN ({y - 1}, {y}) AND priorities IS NOT NULL AND priorities <> '')
        SELECT fy, priority, count(DISTINCT session_id), count(*) FILTER (att), count(DISTINCT delegate_id) FILTER (att)
        FROM p WHERE priority <> '' GROUP BY fy, priority""").fetchall()
    agency = con.execute(f"""SELECT fy, agency, count(*) FILTER (att), count(DISTINCT delegate_id) FILTER (att)
                             FROM f WHERE fy IN ({y - 1}, {y}) GROUP BY fy, agency""").fetchall()
    out = from_rows(trend, prio, agency)
    out["seconds"] = time.perf_counter() - t
    return out


def run_polars(path):
    import polars as pl
    t = time.perf_counter()
    d = pl.col("date")
    f = (pl.scan_csv(path, infer_schema=False)
         .select(pl.col("session_id"), pl.col("priorities"), pl.col("delegate_id"),
                 pl.when(pl.col("agency").str.strip_chars().fill_null("") == "").then(pl.lit("Not recorded"))
                   .otherwise(pl.col("agency").str.strip_chars()).alias("agency"),
                 (pl.col("attended").str.strip_chars().str.to_lowercase() == "yes").alias("att"),
                 pl.coalesce(d.str.to_date("%Y-%m-%d", strict=False), d.str.to_date("%d/%m/%Y", strict=False)).alias("d"))
         .with_columns((pl.col("d").dt.year() - (pl.col("d").dt.month() < 4).cast(pl.Int32)).alias("fy"))
         .collect())
    att = pl.col("att")
    trend = (f.group_by("fy").agg(pl.col("session_id").n_unique(), pl.len(), att.sum(),
                                  pl.col("delegate_id").filter(att).n_unique()).sort("fy").rows())
    y = max(r[0] for r in trend)
    recent = f.filter(pl.col("fy").is_in([y - 1, y]))
    prio = (recent.filter(pl.col("priorities").is_not_null())
            .with_columns(pl.col("priorities").str.split(";").alias("priority")).explode("priority")
            .with_columns(pl.col("priority").str.strip_chars()).filter(pl.col("priority") != "")
            .group_by("fy", "priority").agg(pl.col("session_id").n_unique(), att.sum(),
                                            pl.col("delegate_id").filter(att).n_unique()).rows())
    agency = recent.group_by("fy", "agency").agg(att.sum(), pl.col("delegate_id").filter(att).n_unique()).rows()
    out = from_rows(trend, prio, agency)
    out["seconds"] = time.perf_counter() - t
    return out


def run_tool(tables):
    def rows(name):
        with open(f"{tables}/{name}.csv", newline="", encoding="utf-8") as fh:
            r = list(csv.reader(fh))
        return r[0], r[1:]
    _, trend = rows("attendance-trend")
    out = {"trend": {r[0]: [int(x) for x in r[1:5]] for r in trend if int(r[1]) > 0}}
    for key in ("priorities", "priorities-previous"):
        try:
            _, body = rows("attendance-" + key)
        except FileNotFoundError:
            out[key] = {}
            continue
        # The last row counts each session once; priorities with no session are not listed by the others.
        out[key] = {r[0]: [int(r[1]), int(r[2]), int(r[3])] for r in body[:-1] if int(r[1]) > 0}
    head, body = rows("attendance-agencies")
    old, new = head[1].split(" ")[-1], head[2].split(" ")[-1]
    out["agencies"] = {}
    for r in body[:-1]:
        for label, a, n in ((old, r[1], r[3]), (new, r[2], r[4])):
            if a not in ("", "0") or n not in ("", "0"):
                out["agencies"].setdefault(r[0].lower(), {})[label] = [int(a), int(n)]
    return out


def compare(paths):
    results = [(p, json.load(open(p))) for p in paths]
    ok = True
    for table in ("trend", "priorities", "priorities-previous", "agencies"):
        values = [r[table] for _, r in results]
        same = all(v == values[0] for v in values[1:])
        ok &= same
        size = len(values[0])
        print(f"  {table:<22} {'same' if same else 'DIFFERENT'} in all {len(values)} ({size} rows)")
        if not same:
            for (p, r) in results:
                print(f"    {p}: {json.dumps(r[table], sort_keys=True)[:400]}")
    return 0 if ok else 1


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "compare":
        sys.exit(compare(sys.argv[2:]))
    result = {"duckdb": run_duckdb, "polars": run_polars, "tool": run_tool}[mode](sys.argv[2])
    with open(sys.argv[3], "w") as fh:
        json.dump(result, fh, sort_keys=True)
