import Foundation

/// The department's standard service figures. Rates are fractions from 0 to 1 (multiply by 100 to
/// show a percentage); NPS is in points from −100 to 100. Every figure is nil when its denominator
/// is zero, so "no data" is never shown as 0 %.
public enum ServiceMetrics {
    /// Resolved tickets that needed only the first contact ÷ resolved tickets.
    public static func firstContactResolutionRate(resolvedOnFirstContact: Int, resolved: Int) -> Double? {
        ratio(resolvedOnFirstContact, resolved)
    }

    /// Solved tickets reopened later ÷ solved tickets.
    public static func reopenRate(reopened: Int, solved: Int) -> Double? {
        ratio(reopened, solved)
    }

    /// Tickets handed off at least once ÷ tickets handled.
    public static func transferRate(transferred: Int, handled: Int) -> Double? {
        ratio(transferred, handled)
    }

    /// SLA targets met ÷ targets that ended (met + breached); running clocks do not count yet.
    public static func slaAttainment(met: Int, breached: Int) -> Double? {
        ratio(met, met + breached)
    }

    /// Satisfied answers (4 or 5 of 5) ÷ answers. Answers outside 1–5 are ignored.
    public static func csat(scores: [Int]) -> Double? {
        let valid = scores.filter { (1...5).contains($0) }
        return ratio(valid.count { $0 >= 4 }, valid.count)
    }

    /// Net Promoter Score: % promoters (9–10) − % detractors (0–6), in points. Answers outside
    /// 0–10 are ignored.
    public static func nps(scores: [Int]) -> Double? {
        let valid = scores.filter { (0...10).contains($0) }
        guard !valid.isEmpty else { return nil }
        let promoters = valid.count { $0 >= 9 }, detractors = valid.count { $0 <= 6 }
        return Double(promoters - detractors) / Double(valid.count) * 100
    }

    /// Customer Effort Score: the mean answer, on whatever scale the survey uses (1–7 usually;
    /// lower means less effort when the question asks about effort).
    public static func cesAverage(scores: [Int]) -> Double? {
        scores.isEmpty ? nil : Double(scores.reduce(0, +)) / Double(scores.count)
    }

    /// The department's cost for the period ÷ contacts handled in it.
    public static func costPerContact(departmentCost: Decimal, contacts: Int) -> Decimal? {
        contacts > 0 ? departmentCost / Decimal(contacts) : nil
    }

    private static func ratio(_ part: Int, _ whole: Int) -> Double? {
        whole > 0 ? Double(part) / Double(whole) : nil
    }
}
