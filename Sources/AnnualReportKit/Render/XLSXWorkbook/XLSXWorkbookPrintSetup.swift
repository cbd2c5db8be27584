import Cxlsxwriter

extension XLSXWorkbook.Sheet {
    /// How a sheet prints: paper, orientation and how many pages wide and tall the print
    /// area is scaled to (0 for "as many as needed").
    struct PageSetup: Equatable {
        /// Excel's paper code: 9 is A4, 1 US Letter.
        var paper: Int = 9
        var landscape = false
        var pagesWide = 1
        var pagesTall = 0
    }

    /// Sets paper, orientation and fit-to-pages scaling (`<pageSetup>` and the sheet's
    /// `fitToPage` property).
    ///
    /// Calls `worksheet_set_paper`, `worksheet_set_landscape` or `worksheet_set_portrait`, and
    /// `worksheet_fit_to_pages`. Excel limits: paper codes 0 to 41 (unknown codes print on the
    /// printer's default paper); fitting overrides any print scale and manual page breaks;
    /// Excel never scales below 10%.
    ///
    ///     sheet.setPageSetup(.init(paper: 9, landscape: true, pagesWide: 1, pagesTall: 1))
    func setPageSetup(_ setup: PageSetup) {
        worksheet_set_paper(handle, UInt8(clamping: setup.paper))
        if setup.landscape { worksheet_set_landscape(handle) } else { worksheet_set_portrait(handle) }
        worksheet_fit_to_pages(handle, UInt16(clamping: setup.pagesWide), UInt16(clamping: setup.pagesTall))
    }

    /// Repeats rows `first...last` at the top of every printed page (Excel's print titles,
    /// the defined name `_xlnm.Print_Titles`).
    ///
    /// Calls `worksheet_repeat_rows`. Excel limit: one block of repeated rows per sheet.
    ///
    ///     try sheet.repeatRows(0, 1)   // title and header on every page
    func repeatRows(_ first: Int, _ last: Int) throws {
        let (r0, _) = try cell(first, 0, "worksheet_repeat_rows")
        let (r1, _) = try cell(last, 0, "worksheet_repeat_rows")
        try XLSXWorkbook.check(worksheet_repeat_rows(handle, r0, r1), "worksheet_repeat_rows", detail: name)
    }

    /// Limits printing to `firstRow...lastRow` × `firstColumn...lastColumn` (the defined name
    /// `_xlnm.Print_Area`).
    ///
    /// Calls `worksheet_print_area`. Excel limit: one print area per sheet here (Excel allows
    /// several, libxlsxwriter one).
    ///
    ///     try sheet.setPrintArea(0, 0, 30, 5)   // A1:F31
    func setPrintArea(_ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int) throws {
        let (r0, c0) = try cell(firstRow, firstColumn, "worksheet_print_area")
        let (r1, c1) = try cell(lastRow, lastColumn, "worksheet_print_area")
        try XLSXWorkbook.check(worksheet_print_area(handle, r0, c0, r1, c1), "worksheet_print_area", detail: name)
    }

    /// Excel's limit on a header or footer string, codes included.
    static let maxHeaderFooterCharacters = 255

    /// Sets the printed page header, in Excel's header codes: `&L`, `&C`, `&R` start the
    /// left, centre and right parts, `&P` is the page number, `&N` the page count and `&&`
    /// a literal `&`. The caller escapes text from inputs (`PrintLayout.headerText`).
    ///
    /// Calls `worksheet_set_header`. Excel limit: 255 characters.
    ///
    ///     try sheet.setHeader("&LExample SCP&CAnnual report 2022-23&RFinance")
    func setHeader(_ codes: String) throws {
        try XLSXWorkbook.check(
            worksheet_set_header(handle, workbook.cString(codes)), "worksheet_set_header",
            detail: name)
    }

    /// Sets the printed page footer, with the codes of `setHeader`.
    ///
    /// Calls `worksheet_set_footer`. Excel limit: 255 characters.
    ///
    ///     try sheet.setFooter("&CPage &P of &N")
    func setFooter(_ codes: String) throws {
        try XLSXWorkbook.check(
            worksheet_set_footer(handle, workbook.cString(codes)), "worksheet_set_footer",
            detail: name)
    }
}
