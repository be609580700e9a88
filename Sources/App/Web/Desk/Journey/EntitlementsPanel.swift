import FrontlineCore
import Foundation
import Vapor

/// What the customer owns and is entitled to, with the proof they sent: their products, active
/// warranties and contracts ("covered until ..."), and every document on record, whichever ticket
/// it came with, so no one tells them "we have no record of your warranty" (seed 003).
extension TicketDetailPage {
    func entitlementsPanel(_ request: Request) -> Markup {
        let record = journey.onRecord
        let models = Dictionary(uniqueKeysWithValues: record.products.map { ($0.id, $0.model) })
        let documentNames = Dictionary(uniqueKeysWithValues: record.documents.map { ($0.id, $0.filename) })
        let active: [Markup] = record.active.map { entitlement in
            let product: Markup = entitlement.productId.flatMap { models[$0] }.map { " for \($0)" } ?? .empty
            let proofs: [Markup] = entitlement.documentIds.map { id in
                "<a href=\"\(WebRoute.desk(.document(.value(id))))\">\(documentNames[id] ?? "document")</a>"
            }
            let proof: Markup = proofs.isEmpty ? .empty : " · proof: \(Markup.join(proofs.enumerated().map { $0.offset == 0 ? $0.element : ", \($0.element)" }))"
            let coverage: Markup = entitlement.coverage.isEmpty ? .empty : "<div class=\"muted small\">\(entitlement.coverage)</div>"
            return """
                <li class="entitlement"><strong>\(JourneyFormat.word(entitlement.kind.rawValue))</strong>\(product):
                  <span class="covered">covered until \(entitlement.endsOn)</span>\(proof)\(coverage)</li>
                """
        }
        let products: [Markup] = record.products.map { product in
            let bought: Markup = product.purchaseDate.map { " · bought \($0)" } ?? .empty
            let from: Markup = product.purchasedFrom.map { " from \($0)" } ?? .empty
            return "<li>\(product.model) <span class=\"muted small\">serial \(product.serialNumber)\(bought)\(from)</span></li>"
        }
        let documents: [Markup] = record.documents.map { document in
            """
            <li><a href="\(WebRoute.desk(.document(.value(document.id))))">\(document.filename)</a>
              <span class="muted small">\(Format.bytes(document.size)) · from \(document.uploadedBy.name) \(Format.time(document.createdAt, now: journey.now, zone: settings.zone))</span></li>
            """
        }
        return """
            <section class="panel journey-panel" id="entitlements" aria-label="Warranty and entitlements">
              <h2>Warranty &amp; entitlements</h2>
              <h3>Active</h3>
              <ul class="plain-list">\(active.isEmpty ? ["<li class=\"muted\">No active warranty or contract on record</li>"] : active)</ul>
              <h3>Products</h3>
              <ul class="plain-list">\(products.isEmpty ? ["<li class=\"muted\">None registered</li>"] : products)</ul>
              <h3>Proof documents</h3>
              <ul class="plain-list">\(documents.isEmpty ? ["<li class=\"muted\">None sent</li>"] : documents)</ul>
              \(documentForm(request))
            </section>
            """
    }

    private func documentForm(_ request: Request) -> Markup {
        let open: Markup = problem?.form == .document ? " open" : .empty
        return """
            <details class="attach-document"\(open)><summary>Attach a document</summary>
              <form method="post" action="\(WebRoute.desk(.ticket(.value(ticket.number), .attachDocument)))" enctype="multipart/form-data" class="stack">
                \(request.csrfField)
                \(error(for: .document))
                <label for="document-file">Receipt, warranty card… (up to 20 MiB; on record for every ticket of \(requester.name))</label>
                <input id="document-file" name="file" type="file" required>
                <button type="submit" class="secondary">Attach</button>
              </form>
            </details>
            """
    }
}
