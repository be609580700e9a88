/// A day of the week, as it names the columns of a desk's weekly opening hours.
///
/// Raw values are the lower-case English names so a calendar stored as JSON reads
/// `{"monday": [...]}`.
public enum Weekday: String, Codable, CaseIterable, Sendable, CodingKeyRepresentable {
    case sunday, monday, tuesday, wednesday, thursday, friday, saturday

    /// Monday to Friday, the usual working week.
    public static let workingWeek: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

    /// 0 for Sunday through 6 for Saturday; the index the calendar arithmetic uses.
    var index: Int {
        switch self {
        case .sunday: 0
        case .monday: 1
        case .tuesday: 2
        case .wednesday: 3
        case .thursday: 4
        case .friday: 5
        case .saturday: 6
        }
    }

    /// The capitalised name, for messages shown to the person editing the calendar.
    var displayName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
