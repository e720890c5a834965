#pragma once
// Wires a store into a running server: writer, routes, HTTP. Used by `serve` and `demo`.
#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "audit/checkpoint.hpp"
#include "http/server.hpp"
#include "security/field_keys.hpp"
#include "store/store.hpp"

namespace samen::cli {

struct ServeOptions {
  http::ServerConfig http;
  std::vector<std::string> trusted_proxies;  // as given; parsed into http.trusted_proxies
  std::string log_level = "info";
  // "Who looked at my file" names the person, not only organisation and role.
  bool family_access_log_names = false;
  // Failed logins allowed in 15 minutes (domain/login_limit.hpp).
  int login_limit_account_address = 5;
  int login_limit_account = 10;
  int login_limit_address = 50;
  // The Ed25519 key that signs audit checkpoints (kept outside the database), and how
  // often the head is signed when it moved. Without a key the log is not signed (warned).
  std::string audit_key;
  std::string audit_checkpoint_file;  // empty: beside the key
  int audit_checkpoint_interval_s = 60;
  // The field keys that seal sensitive columns at rest (security/field_keys.hpp): a file,
  // or the content of SAMEN_FIELD_KEYS.
  std::string field_keys;
  // Run without field keys (plain text at rest), e.g. to measure what sealing costs.
  bool allow_plaintext = false;
  // Run on a store whose commits may not survive a crash (synchronous < FULL, fsync off).
  bool allow_nondurable = false;
  // E-mail (notify/): the SMTP server's URL (empty: no e-mail), the sender's address, a CA
  // file for the SMTP server's certificate, the web UI's address for links in mails, the
  // first retry's delay and the daily digest's local time.
  std::string smtp_url;
  std::string mail_from;
  std::string smtp_ca;
  std::string public_url;
  int mail_retry_s = 30;
  std::string mail_digest_time = "07:00";
  // Reminders (api/reminders.hpp): seconds between passes, and how many days ahead a
  // review date is "coming up".
  int reminder_interval_s = 600;
  int review_reminder_days = 7;
};

void add_serve_options(CLI::App& cmd, ServeOptions& options);
// Read connections for the store: one per thread that can run a handler (network threads
// and the CPU pool), so no request waits for a connection while a thread is free.
int read_pool_size(const ServeOptions& options);
// The key named by --audit-key; throws CommandError when it cannot be used.
std::optional<audit::AuditKey> load_serve_audit_key(const ServeOptions& options);
// The field keys named by --field-keys or given in SAMEN_FIELD_KEYS, logged by id; throws
// CommandError when they cannot be used, or when there are none and --allow-plaintext was
// not given (then nullptr, with a warning).
std::shared_ptr<const security::FieldKeys> load_serve_field_keys(const ServeOptions& options);
// Blocks until SIGINT/SIGTERM; returns after in-flight requests and audit commits finish.
void run_server(store::Store& store, const ServeOptions& options,
                const std::function<void(unsigned short)>& on_listening);

}  // namespace samen::cli
