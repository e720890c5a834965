#pragma once
// What every handler needs: the store, the audited writer, and the settings that shape
// sessions and login limits. Passed in, never global.
#include <chrono>

#include "audit/audited_writer.hpp"
#include "audit/checkpoint.hpp"
#include "store/store.hpp"

namespace samen::api {

struct Settings {
  std::int64_t session_idle_ms = 30LL * 60 * 1000;
  std::int64_t session_absolute_ms = 12LL * 60 * 60 * 1000;
  // last_seen is written at most this often, so reads do not all become writes.
  std::int64_t session_touch_interval_ms = 60LL * 1000;
  // Failed logins allowed within the window, per (account, address), per account and per
  // address (domain/login_limit.hpp, docs/operations.md "Login limits").
  int login_limit_account_address = 5;
  int login_limit_account = 10;
  int login_limit_address = 50;
  std::int64_t login_window_ms = 15LL * 60 * 1000;
  // GET /api/family/pupils/{id}/access-log names the person who read the file; by default
  // it shows only their organisation and role (docs/decisions.md).
  bool family_access_log_names = false;
  // The public key of the server's audit key: GET /api/audit/verify checks the signed
  // checkpoints with it. Empty when the server runs without --audit-key.
  std::vector<audit::PublicKey> audit_public_keys;
  // E-mail (--smtp): notifications are queued as mails only when the server sends them.
  // Links in mails point at the web UI under public_url (--public-url).
  bool mail_enabled = false;
  std::string public_url = "http://127.0.0.1:8080";
};

struct AppContext {
  store::Store& store;
  audit::AuditedWriter& writer;
  Settings settings;
};

}  // namespace samen::api
