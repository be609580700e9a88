import Vapor

/// The small HTML page of the first-admin setup.
enum SetupPage {
    static func response(token: String, message: String?, status: HTTPResponseStatus) -> Response {
        let error = message.map { "<p class=\"error\" role=\"alert\">\(HTML.escape($0))</p>" } ?? ""
        return page(status: status, body: """
            <h1>Set up Frontline</h1>
            <p>Create the first admin account. This link works once.</p>
            \(error)
            <form method="post" action="\(WebRoute.setup.path)">
              <input type="hidden" name="token" value="\(HTML.escape(token))">
              <label for="name">Your name</label><input id="name" name="name" required autocomplete="name">
              <label for="email">Email</label><input id="email" name="email" type="email" required autocomplete="email">
              <label for="password">Password (8 characters or more)</label>
              <input id="password" name="password" type="password" required minlength="8" autocomplete="new-password">
              <button type="submit">Create admin</button>
            </form>
            """)
    }

    static func done() -> Response {
        page(status: .created, body: """
            <h1>Frontline is ready</h1>
            <p>Your admin account exists. Sign in to start working the desk.</p>
            <p><a href="\(WebRoute.signIn.path)">Sign in</a></p>
            """)
    }

    private static func page(status: HTTPResponseStatus, body: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.add(name: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
        return Response(status: status, headers: headers, body: .init(string: """
            <!doctype html><html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>Set up Frontline</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;color:#1b1f24}
            label{display:block;margin-top:1rem;font-weight:600}input{width:100%;padding:.5rem;font:inherit;border:1px solid #57606a;border-radius:4px}
            button{margin-top:1.5rem;padding:.6rem 1.2rem;font:inherit;background:#0b5cad;color:#fff;border:0;border-radius:4px}
            :focus-visible{outline:3px solid #f5a623;outline-offset:2px}.error{color:#a40e26}</style></head>
            <body><main>\(body)</main></body></html>
            """))
    }
}

/// Escaping for text placed in HTML: the web desk's one rule (see `Markup.escape`).
enum HTML {
    static func escape(_ text: String) -> String {
        var escaped = ""
        Markup.escape(text, into: &escaped)
        return escaped
    }
}
