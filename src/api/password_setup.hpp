#pragma once
// One-time links to set a password (store/password_setup_records.hpp): `samen init` and
// `samen user setup-link` issue them, POST /api/password-setup uses them. The link is
// BASE/wachtwoord-instellen#TOKEN: the token sits in the fragment, which no browser sends,
// so it reaches neither the server's nor a proxy's access log; the web UI posts it in the
// body.
#include <string>

#include "domain/dates.hpp"
#include "store/store.hpp"

namespace samen::api {

// A link is valid this long after it was issued.
inline constexpr domain::Millis kPasswordSetupLifetime = 72LL * 3600 * 1000;

// Only this hash is stored, so a copy of the database sets no password.
std::string password_setup_token_hash(const std::string& token);

// A new link: the stored record's id and the token, shown once and never stored.
struct IssuedPasswordSetup {
  std::string id;
  std::string token;
};
IssuedPasswordSetup issue_password_setup(store::WriteTx& w, const std::string& user_id,
                                         domain::Millis now);

// The address to give the user: base_url without a trailing slash, the screen, the token.
std::string password_setup_link(std::string base_url, const std::string& token);

}  // namespace samen::api
