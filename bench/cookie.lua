-- wrk script: send the session cookie given in the SAMEN_COOKIE environment variable.
wrk.headers["Cookie"] = "__Host-samen_session=" .. os.getenv("SAMEN_COOKIE")
