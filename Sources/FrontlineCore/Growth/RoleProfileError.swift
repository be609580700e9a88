/// Why a questionnaire or a set of answers was refused.
public enum RoleProfileError: Error, Sendable, Hashable, CustomStringConvertible {
    // The questionnaire itself.
    case badVersion(Int)
    case unknownRole(String)
    case duplicateRole(String)
    case missingRole(TeamRole)
    case noQuestions
    case duplicateQuestion(String)
    case blankText(questionID: String)
    case wrongChoiceCount(questionID: String, count: Int)
    case duplicateChoice(questionID: String, choiceID: String)
    case unknownChoiceRole(questionID: String, role: String)
    case roleNotCovered(questionID: String, role: TeamRole)
    // The answers.
    case unknownQuestion(String)
    case unknownChoice(questionID: String, choiceID: String)
    case answeredTwice(questionID: String)
    case unanswered([String])

    public var description: String {
        switch self {
        case .badVersion(let version): "Questionnaire version \(version) must be 1 or more."
        case .unknownRole(let id): "Role \"\(id)\" is not one of coach, cheerleader, team_player, score_keeper."
        case .duplicateRole(let id): "Role \"\(id)\" is described twice."
        case .missingRole(let role): "Role \"\(role.rawValue)\" has no description."
        case .noQuestions: "The questionnaire has no questions."
        case .duplicateQuestion(let id): "Question id \"\(id)\" is used twice."
        case .blankText(let id): "Question \"\(id)\" or one of its choices has no text."
        case .wrongChoiceCount(let id, let count): "Question \"\(id)\" has \(count) choices; it needs exactly 4."
        case .duplicateChoice(let question, let choice): "Question \"\(question)\" uses choice id \"\(choice)\" twice."
        case .unknownChoiceRole(let question, let role): "Question \"\(question)\" has a choice for unknown role \"\(role)\"."
        case .roleNotCovered(let question, let role): "Question \"\(question)\" has no choice for \(role.rawValue)."
        case .unknownQuestion(let id): "There is no question \"\(id)\"."
        case .unknownChoice(let question, let choice): "Question \"\(question)\" has no choice \"\(choice)\"."
        case .answeredTwice(let id): "Question \"\(id)\" is answered more than once."
        case .unanswered(let ids): "Unanswered: \(ids.joined(separator: ", "))."
        }
    }
}
