/// Where a person's or a department's week goes, in minutes per week by category.
///
/// Two shares are reported:
/// - ``customerShare`` = customer ÷ all minutes: the plain "how much of the week is customers".
/// - ``serviceShare`` = customer ÷ (customer + office + other): the figure the verdict uses.
///   Coaching and development are left out of both sides. They must not push a department toward
///   "office management" (a manager who starts coaching daily, as they should, would otherwise see
///   the verdict worsen), and they must not hide one either (a week of 40 % coaching, 30 % office
///   and 30 % customers is not a 70 % service week). The verdict answers one question: of the
///   time that is customer work or office work, how much is customer work?
///
/// Splits add up: a department's split is the sum of its people's minutes, never an average of
/// their shares, so a part-timer weighs what their hours weigh.
public struct TimeSplit: Codable, Sendable, Hashable {
    /// Minutes per week serving customers (duties plus ticket work).
    public var customer: Double
    /// Minutes per week on reports, data entry, favours for other departments.
    public var office: Double
    /// Minutes per week coaching the team.
    public var coaching: Double
    /// Minutes per week on learning and development.
    public var development: Double
    /// Minutes per week on anything else that is not customer work.
    public var other: Double

    public init(customer: Double = 0, office: Double = 0, coaching: Double = 0, development: Double = 0, other: Double = 0) {
        self.customer = customer
        self.office = office
        self.coaching = coaching
        self.development = development
        self.other = other
    }

    /// The weekly split of a duty log, plus ticket work logged in the period (counted as customer
    /// time, normalised by the period's weeks like ad-hoc duties).
    public init(duties: [Duty], periodWeeks: Double, ticketWorkMinutesInPeriod: Double = 0) {
        self.init()
        for duty in duties { self[duty.category] += duty.minutesPerWeek(periodWeeks: periodWeeks) }
        if periodWeeks > 0 { customer += ticketWorkMinutesInPeriod / periodWeeks }
    }

    /// Minutes of one category.
    public subscript(category: DutyCategory) -> Double {
        get {
            switch category {
            case .customer: customer
            case .office: office
            case .coaching: coaching
            case .development: development
            case .other: other
            }
        }
        set {
            switch category {
            case .customer: customer = newValue
            case .office: office = newValue
            case .coaching: coaching = newValue
            case .development: development = newValue
            case .other: other = newValue
            }
        }
    }

    /// All minutes.
    public var total: Double { customer + office + coaching + development + other }

    /// Customer minutes ÷ all minutes; nil when nothing is logged.
    public var customerShare: Double? { total > 0 ? customer / total : nil }

    /// Customer minutes ÷ (customer + office + other); nil when none of those is logged.
    public var serviceShare: Double? {
        let operational = customer + office + other
        return operational > 0 ? customer / operational : nil
    }

    /// The verdict on ``serviceShare``; nil when there is nothing to judge.
    public func verdict(thresholds: HealthThresholds = .standard) -> HealthVerdict? {
        serviceShare.map(thresholds.verdict(forShare:))
    }

    public static func + (lhs: TimeSplit, rhs: TimeSplit) -> TimeSplit {
        TimeSplit(
            customer: lhs.customer + rhs.customer, office: lhs.office + rhs.office,
            coaching: lhs.coaching + rhs.coaching, development: lhs.development + rhs.development,
            other: lhs.other + rhs.other)
    }

    /// The sum of many splits (a department from its people).
    public static func total(_ splits: [TimeSplit]) -> TimeSplit { splits.reduce(TimeSplit(), +) }
}
