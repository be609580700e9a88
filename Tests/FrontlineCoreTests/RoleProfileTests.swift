import Foundation
import Testing
import FrontlineCore

@Suite struct RoleProfileTests {
    /// The questionnaire the app ships, loaded from its resource file.
    static func shipped() throws -> RoleProfileQuestionnaire {
        // Symlinks resolved so the path also works from a package that links this folder in.
        let url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/App/Resources/role-profile.json")
        return try JSONDecoder().decode(RoleProfileQuestionnaire.self, from: Data(contentsOf: url))
    }

    /// Answers every question with the choice for `role` except where `overrides` says otherwise.
    static func answers(_ questionnaire: RoleProfileQuestionnaire, all role: TeamRole, overrides: [String: TeamRole] = [:]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: questionnaire.questions.map { question in
            let wanted = overrides[question.id] ?? role
            return (question.id, question.choices.first { $0.role == wanted.rawValue }!.id)
        })
    }

    @Test func shippedQuestionnaireIsValid() throws {
        let questionnaire = try Self.shipped()
        try questionnaire.validate()
        #expect(questionnaire.version == 1)
        #expect(questionnaire.questions.count == 12)
        #expect(questionnaire.roles.map(\.id) == ["coach", "cheerleader", "team_player", "score_keeper"])
    }

    @Test func singleRoleProfile() throws {
        let questionnaire = try Self.shipped()
        let result = try questionnaire.score(answers: Self.answers(questionnaire, all: .scoreKeeper))
        #expect(result.primary == .scoreKeeper)
        #expect(result.secondary == nil)
        #expect(!result.isTie)
        #expect(result.counts == [.coach: 0, .cheerleader: 0, .teamPlayer: 0, .scoreKeeper: 12])
        #expect(result.percentages == [.coach: 0, .cheerleader: 0, .teamPlayer: 0, .scoreKeeper: 100])
    }

    @Test func mixedProfileWithPercentages() throws {
        let questionnaire = try Self.shipped()
        let answers = Self.answers(questionnaire, all: .teamPlayer, overrides: [
            "q1": .coach, "q2": .coach, "q3": .coach, "q4": .cheerleader, "q5": .scoreKeeper,
        ])
        let result = try questionnaire.score(answers: answers)
        #expect(result.counts == [.coach: 3, .cheerleader: 1, .teamPlayer: 7, .scoreKeeper: 1])
        #expect(result.primary == .teamPlayer)
        #expect(result.secondary == .coach)
        #expect(result.percentages[.teamPlayer] == 58.3)
        #expect(result.percentages[.coach] == 25)
        #expect(result.percentages[.cheerleader] == 8.3)
    }

    @Test func tiesGoToTheRoleChosenFirst() throws {
        let questionnaire = try Self.shipped()
        // Six coach, six cheerleader; cheerleader picked on q1.
        let cheerFirst = Dictionary(uniqueKeysWithValues: questionnaire.questions.enumerated().map { index, question in
            let role: TeamRole = index.isMultiple(of: 2) ? .cheerleader : .coach
            return (question.id, question.choices.first { $0.role == role.rawValue }!.id)
        })
        let result = try questionnaire.score(answers: cheerFirst)
        #expect(result.primary == .cheerleader)
        #expect(result.secondary == .coach)
        #expect(result.isTie)
        // Secondary tie among two roles with 3 each: score keeper picked before coach.
        let secondTie = Self.answers(questionnaire, all: .teamPlayer, overrides: [
            "q1": .scoreKeeper, "q2": .coach, "q3": .coach, "q4": .scoreKeeper, "q5": .coach, "q6": .scoreKeeper,
        ])
        let second = try questionnaire.score(answers: secondTie)
        #expect(second.primary == .teamPlayer)
        #expect(second.secondary == .scoreKeeper)
        #expect(!second.isTie)
    }

    @Test func missingAnswersAreListedInOrder() throws {
        let questionnaire = try Self.shipped()
        var answers = Self.answers(questionnaire, all: .coach)
        answers["q10"] = nil
        answers["q2"] = nil
        #expect(throws: RoleProfileError.unanswered(["q2", "q10"])) { try questionnaire.score(answers: answers) }
        #expect(throws: RoleProfileError.unanswered(questionnaire.questions.map(\.id))) { try questionnaire.score(answers: [String: String]()) }
    }

    @Test func unknownIdsAreRefused() throws {
        let questionnaire = try Self.shipped()
        var answers = Self.answers(questionnaire, all: .coach)
        answers["q13"] = "a"
        #expect(throws: RoleProfileError.unknownQuestion("q13")) { try questionnaire.score(answers: answers) }
        answers["q13"] = nil
        answers["q4"] = "e"
        #expect(throws: RoleProfileError.unknownChoice(questionID: "q4", choiceID: "e")) { try questionnaire.score(answers: answers) }
    }

    @Test func answeringTwiceIsRefused() throws {
        let questionnaire = try Self.shipped()
        var list = Self.answers(questionnaire, all: .coach).map { RoleProfileAnswer(questionID: $0.key, choiceID: $0.value) }
        list.append(RoleProfileAnswer(questionID: "q7", choiceID: "a"))
        #expect(throws: RoleProfileError.answeredTwice(questionID: "q7")) { try questionnaire.score(answers: list) }
    }

    static func tiny(roles: [String] = ["coach", "cheerleader", "team_player", "score_keeper"], choices: [(String, String)]? = nil, questions: Int = 1) -> RoleProfileQuestionnaire {
        let choiceList = (choices ?? [("a", "coach"), ("b", "cheerleader"), ("c", "team_player"), ("d", "score_keeper")])
            .map { RoleProfileQuestionnaire.Choice(id: $0.0, text: "Choice \($0.0)", role: $0.1) }
        return RoleProfileQuestionnaire(
            version: 1,
            roles: roles.map { .init(id: $0, name: $0, description: "…") },
            questions: (0..<questions).map { _ in .init(id: "q1", text: "Situation", choices: choiceList) })
    }

    @Test(arguments: [
        (tiny(roles: ["coach", "cheerleader", "team_player"]), RoleProfileError.missingRole(.scoreKeeper)),
        (tiny(roles: ["coach", "coach", "team_player", "score_keeper"]), .duplicateRole("coach")),
        (tiny(roles: ["coach", "cheerleader", "team_player", "score_keeper", "referee"]), .unknownRole("referee")),
        (tiny(questions: 0), .noQuestions),
        (tiny(questions: 2), .duplicateQuestion("q1")),
        (tiny(choices: [("a", "coach"), ("b", "cheerleader"), ("c", "team_player")]), .wrongChoiceCount(questionID: "q1", count: 3)),
        (tiny(choices: [("a", "coach"), ("a", "cheerleader"), ("c", "team_player"), ("d", "score_keeper")]), .duplicateChoice(questionID: "q1", choiceID: "a")),
        (tiny(choices: [("a", "coach"), ("b", "coach"), ("c", "team_player"), ("d", "score_keeper")]), .roleNotCovered(questionID: "q1", role: .cheerleader)),
        (tiny(choices: [("a", "coach"), ("b", "boss"), ("c", "team_player"), ("d", "score_keeper")]), .unknownChoiceRole(questionID: "q1", role: "boss")),
    ])
    func invalidQuestionnairesAreRefused(questionnaire: RoleProfileQuestionnaire, expected: RoleProfileError) {
        #expect(throws: expected) { try questionnaire.validate() }
        #expect(throws: expected) { try questionnaire.score(answers: ["q1": "a"]) }
    }

    @Test func blankTextAndBadVersionAreRefused() {
        var blank = Self.tiny()
        blank.questions[0].choices[2].text = "  "
        #expect(throws: RoleProfileError.blankText(questionID: "q1")) { try blank.validate() }
        var version = Self.tiny()
        version.version = 0
        #expect(throws: RoleProfileError.badVersion(0)) { try version.validate() }
        #expect(RoleProfileError.unanswered(["q2", "q10"]).description == "Unanswered: q2, q10.")
    }
}
