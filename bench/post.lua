-- wrk script: POST an empty JSON object as the logged-in user (session cookie and CSRF
-- token from SAMEN_COOKIE and SAMEN_CSRF).
wrk.method = "POST"
wrk.body = "{}"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "__Host-samen_session=" .. os.getenv("SAMEN_COOKIE")
wrk.headers["X-CSRF-Token"] = os.getenv("SAMEN_CSRF")
