import Testing

@testable import AnnualReportKit

/// Nothing about Leicestershire is built in: another partnership's records, with its own
/// partners, categories and priorities, give that partnership's report.
@Suite struct OtherPartnershipTests {
    func folder(config: String?) -> Workdir {
        let dir = Workdir()
        if let config { dir.write("annual-report.yaml", config) }
        dir.write(
            "training.csv",
            """
            Event Date,Course Title,Type,Priority,Delegates
            2023-05-02,Online Safety,course,Digital Harm,30
            2023-06-10,Exploitation Summit,conference,Digital Harm; Exploitation,200
            2024-01-15,Online Safety,course,,25
            2022-11-01,Online Safety,course,Exploitation,18
            """)
        dir.write(
            "finance.csv",
            """
            year,type,partner,amount
            2022/23,contribution,Borsetshire Council,"£50,000"
            2023/24,contribution,Borsetshire Council,"£52,500.50"
            2023/24,contribution,Borsetshire Health Board,"£10,000"
            2023/24,expenditure,Business Manager,"£40,000"
            2022/23,expenditure,Business Manager,"£38,000"
            """)
        return dir
    }

    @Test func withoutConfigurationPrioritiesAndYearComeFromTheData() throws {
        let dir = folder(config: nil)
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty)
        let report = try ReportBuilder.build(input)
        #expect(report.year.label == "2023-24")
        #expect(report.title == "Safeguarding Children Partnership: annual report 2023-24")
        let priorities = try #require(report.tables.first { $0.id == "priorities" })
        #expect(
            priorities.displayRows == [
                ["Digital Harm", "2", "230", "N/A", "230"],
                ["Exploitation", "1", "200", "N/A", "200"],
                ["Total", "3", "430", "N/A", "430"],
            ])
        let contributions = try #require(report.tables.first { $0.id == "finance-contributions" })
        #expect(
            contributions.display("Borsetshire Council") == [
                "Borsetshire Council", "£50,000", "£52,500.50", "£2,500.50", "5.0%", "84%",
            ])
        #expect(
            contributions.display("Borsetshire Health Board") == [
                "Borsetshire Health Board", "N/A", "£10,000", "N/A", "N/A", "16%",
            ])
        let training = try #require(report.tables.first { $0.id == "training-trend" })
        #expect(training.displayRows.map { [$0[0], $0[2]] } == [["2022-23", "18"], ["2023-24", "255"]])
        // Absent datasets leave their sections with a note, never zeros.
        let reviews = try #require(report.sections.first { $0.title == "Child safeguarding practice reviews" })
        #expect(reviews.tables.isEmpty)
        #expect(reviews.notes == ["No review records were supplied (no reviews*.csv), so this section has no tables."])
        #expect(report.dataQuality.notes.contains("No videos dataset was supplied; its sections are left out."))
        #expect(!MarkdownWriter.markdown(report).contains("Leicestershire"))
    }

    @Test func withConfigurationUnknownPrioritiesAreErrors() throws {
        let dir = folder(
            config: """
                partnership: Borsetshire Safeguarding Children Partnership
                reporting_year: 2023/24
                priorities:
                  "2023-24":
                    - name: Online and Digital Harm
                      aliases: [Digital Harm]
                """)
        let input = InputFolder.read(dir.url)
        #expect(
            input.errors.map(\.description) == [
                "training.csv:3:43: error: unknown priority 'Exploitation'; expected a configured priority or alias; did you mean 'Digital Harm'?",
                "training.csv:5:33: error: unknown priority 'Exploitation'; expected a configured priority or alias; did you mean 'Digital Harm'?",
            ])
        let report = try ReportBuilder.build(input)
        #expect(report.title == "Borsetshire Safeguarding Children Partnership: annual report 2023-24")
        let priorities = try #require(report.tables.first { $0.id == "priorities" })
        #expect(priorities.displayRows.first == ["Online and Digital Harm", "1", "30", "N/A", "30"])
    }

    @Test func budgetsGiveReceivedAgainstAgreed() throws {
        let dir = folder(config: nil)
        dir.write(
            "finance-budget.csv",
            """
            year,type,line,amount
            2023-24,budget,Borsetshire Council,"£55,000"
            2023-24,budget,Borsetshire Police,"£5,000"
            """)
        let report = try ReportBuilder.build(InputFolder.read(dir.url))
        let budget = try #require(report.tables.first { $0.id == "finance-budget" })
        #expect(
            budget.displayRows == [
                ["Borsetshire Council", "£55,000", "£52,500.50", "-£2,499.50", "95%"],
                ["Borsetshire Police", "£5,000", "N/A", "N/A", "N/A"],
            ])
    }

    @Test func attendanceRegistersJoinTheReport() throws {
        let dir = folder(config: nil)
        dir.write(
            "attendance-2023-24.csv",
            """
            session_id,date,title,kind,priority,format,delegate_id,agency,attended
            S1,2023-09-02,Safer Sleep,course,Babies,virtual,D1,Police,yes
            S1,2023-09-02,Safer Sleep,course,Babies,virtual,D2,School,yes
            S1,2023-09-02,Safer Sleep,course,Babies,virtual,D3,School,no
            S2,2023-05-02,Online Safety,course,Digital Harm,virtual,D1,Police,yes
            """)
        let input = InputFolder.read(dir.url)
        // S2 repeats the training.csv event of 2023-05-02.
        #expect(
            input.errors.map(\.description) == [
                "training.csv:2: error: training event 'Online Safety' on 2023-05-02 is also a session of attendance-2023-24.csv:5; expected each session in training or in attendance, not both"
            ])
        #expect(
            input.ledger.last
                == FileLedger(file: "attendance-2023-24.csv", dataset: "attendance", read: 4, used: 4, rejected: 0))
        let report = try ReportBuilder.build(input)
        #expect(
            report.sections.map(\.title) == [
                "Business priorities", "Training", "People reached (attendance registers)", "Training videos",
                "Child safeguarding practice reviews", "Finance",
            ])
        let trend = try #require(report.tables.first { $0.id == "training-trend" })
        #expect(trend.display("2023-24")?[1...2] == ["5", "258"])
        let people = try #require(report.tables.first { $0.id == "attendance-priorities" })
        #expect(people.display("Babies") == ["Babies", "1", "2", "2"])
    }

    /// Its recommendations tracker, kept in RAG colours with UK dates, gives its own figures.
    @Test func itsRecommendationsTrackerInRAGColours() throws {
        let dir = folder(config: nil)
        dir.write(
            "recommendations tracker.csv",
            """
            Review,Rec No,Lead,Date agreed,Deadline,RAG,Date completed
            Borsetshire LCSPR Child T,1,Borsetshire Council,12/05/2023,30/09/2023,Green,01/09/2023
            Borsetshire LCSPR Child T,2,Borsetshire Health Board,12/05/2023,31/12/2023,Amber,
            Borsetshire LCSPR Child T,3,Borsetshire Council,12/05/2023,31/03/2024,Red,

            """)
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty, "\(input.errors)")
        let report = try ReportBuilder.build(input)
        let bySource = try #require(report.tables.first { $0.id == "recommendations-by-source" })
        #expect(bySource.title == "Recommendations by source, as at 31 March 2024")
        #expect(
            bySource.display("Borsetshire LCSPR Child T") == [
                "Borsetshire LCSPR Child T", "3", "1", "1", "1", "2", "1",
            ])
        let trend = try #require(report.tables.first { $0.id == "recommendations-trend" })
        #expect(trend.display("Recommendations") == ["Recommendations", "N/A", "3"])
    }

    /// Its case audits, with grades in its own words of the scale and no cases selected.
    @Test func itsCaseAudits() throws {
        let dir = folder(config: nil)
        dir.write(
            "audits.csv",
            """
            Theme,Held,Partner,Audited,Good,Requires improvement
            Online harm,2023-10-11,Borsetshire Council,6,4,2
            Online harm,2023-10-11,Borsetshire Health Board,4,1,3

            """)
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty, "\(input.errors)")
        let report = try ReportBuilder.build(input)
        let audits = try #require(report.tables.first { $0.id == "audits" })
        #expect(audits.displayRows.first == ["Online harm (2023-10-11)", "N/A", "10", "0", "5", "5", "0"])
        let agencies = try #require(report.tables.first { $0.id == "audits-agencies" })
        #expect(agencies.display("Total") == ["Total", "N/A", "10"])
    }
}
