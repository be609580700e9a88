/// How often a duty recurs, as people write it in the duty log.
public enum DutyCadence: String, Codable, CaseIterable, Sendable {
    case daily, weekly, monthly
    /// No fixed rhythm; counted from the occurrences logged in the period.
    case adHoc = "ad_hoc"

    /// Occurrences per week: daily 5 (a five-day working week), weekly 1, monthly 12/52,
    /// ad hoc = occurrences logged in the period ÷ the period's weeks (0 for an empty period).
    public func occurrencesPerWeek(adHocOccurrences: Int = 0, periodWeeks: Double = 1) -> Double {
        switch self {
        case .daily: 5
        case .weekly: 1
        case .monthly: 12.0 / 52.0
        case .adHoc: periodWeeks > 0 ? Double(adHocOccurrences) / periodWeeks : 0
        }
    }
}

/// What a duty's time goes to, for the "service or office management?" split.
public enum DutyCategory: String, Codable, CaseIterable, Sendable {
    /// Serving customers: answering, calling back, solving.
    case customer
    /// Reports, data entry, favours for other departments.
    case office
    /// Coaching and developing the service team (a manager's most important duty).
    case coaching
    /// One's own learning and development, training, special projects that build skills.
    case development
    /// Anything else that is not customer work.
    case other
}
