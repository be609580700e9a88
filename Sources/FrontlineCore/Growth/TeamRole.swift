/// The four team roles of the team-role profile. None is better than another; a team needs all four.
public enum TeamRole: String, Codable, CaseIterable, Sendable, CodingKeyRepresentable {
    /// Develops others: explains, shows, asks the question that helps someone find the answer.
    case coach
    /// Energises and celebrates: notices good work, lifts the room on a hard day.
    case cheerleader
    /// Pleases people and pitches in: says yes, covers the queue, makes the customer happy.
    case teamPlayer = "team_player"
    /// Tracks numbers and fairness: keeps the score, spots the trend, keeps things even.
    case scoreKeeper = "score_keeper"
}
