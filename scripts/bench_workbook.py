#!/usr/bin/env python3
"""The peers' side of scripts/bench-workbook.

    bench_workbook.py make REGISTER.csv OUT.xlsx   the register as a workbook: one sheet, dates as
                                                  date-formatted cells (dd/mm/yyyy), the rest as text
    bench_workbook.py read ENGINE OUT.xlsx        pandas.read_excel with ENGINE (calamine, openpyxl), or
                                                  python-calamine's own rows (ENGINE calamine-rows, no
                                                  DataFrame); prints rows, attended rows and the read's seconds
"""
import csv, datetime, re, sys, time


def make(src, out):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Register")
    with open(src, newline="", encoding="utf-8") as f:
        for i, row in enumerate(csv.reader(f)):
            if i > 0:
                d = row[1]
                m = re.match(r"(\d{4})-(\d\d)-(\d\d)$", d)
                if m:
                    day = datetime.date(int(m[1]), int(m[2]), int(m[3]))
                else:
                    dd, mm, yy = d.split("/")
                    day = datetime.date(int(yy), int(mm), int(dd))
                cell = WriteOnlyCell(ws, value=day)
                cell.number_format = "dd/mm/yyyy"
                row = row[:1] + [cell] + row[2:]
            ws.append(row)
    wb.save(out)


def read(engine, path):
    if engine == "calamine-rows":
        from python_calamine import CalamineWorkbook
        start = time.perf_counter()
        rows = CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()
        seconds = time.perf_counter() - start
        column = rows[0].index("attended")
        print(f"{len(rows) - 1} {sum(1 for r in rows[1:] if r[column] == 'yes')} {seconds:.3f}")
        return
    import pandas as pd
    start = time.perf_counter()
    frame = pd.read_excel(path, engine=engine)
    seconds = time.perf_counter() - start
    attended = int((frame["attended"] == "yes").sum())
    print(f"{len(frame)} {attended} {seconds:.3f}")


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3])
    else:
        read(sys.argv[2], sys.argv[3])
