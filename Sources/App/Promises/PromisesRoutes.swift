import Vapor

/// Where the promises feature is reached: its API under `/api/v1` and its desk pages and forms.
/// `routes.swift` calls both, so the route table still lists every section, and this one reads
/// next to the feature it serves.
enum PromisesRoutes {
    /// Bearer-authenticated, under `/api/v1`.
    static func api(_ authed: any RoutesBuilder) {
        let tickets = authed.grouped("tickets")
        tickets.post(":ticketID", "promises", use: PromisesController.make)
        tickets.get(":ticketID", "promises", use: PromisesController.forTicket)
        let promises = authed.grouped("promises")
        promises.get(use: PromisesController.list)
        promises.post(":promiseID", "keep", use: PromisesController.keep)
        promises.post(":promiseID", "cancel", use: PromisesController.cancel)
        authed.get("reports", "promises", use: PromisesController.report)
    }

    /// Behind the desk's sign-in: the ticket page's promise forms and the due and broken lists.
    static func web(_ desk: any RoutesBuilder) {
        desk.post(.desk(.ticket(.key, .makePromise)), use: PromiseFormsController.makePromise)
        desk.post(.desk(.ticket(.key, .keepPromise(.key))), use: PromiseFormsController.keepPromise)
        desk.post(.desk(.ticket(.key, .cancelPromise(.key))), use: PromiseFormsController.cancelPromise)
        desk.get(.desk(.promises), use: PromiseViewsController.promises)
    }
}
