#include "cli/server_runner.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>
#include <thread>

#include "api/body_limits.hpp"
#include "api/reminders.hpp"
#include "api/routes.hpp"
#include "audit/audited_writer.hpp"
#include "audit/checkpointer.hpp"
#include "cli/commands.hpp"
#include "domain/meeting_schedule.hpp"
#include "domain/text.hpp"
#include "http/forwarded.hpp"
#include "http/log_event.hpp"
#include "notify/mail_sender.hpp"
#include "notify/periodic_task.hpp"

namespace samen::cli {

void add_serve_options(CLI::App& cmd, ServeOptions& o) {
  cmd.add_option("--threads", o.http.threads, "network threads (default: one per core)")
      ->envname("SAMEN_THREADS");
  cmd.add_option("--static", o.http.static_dir, "directory with the built web UI")
      ->envname("SAMEN_STATIC");
  cmd.add_option("--trusted-proxy", o.trusted_proxies,
                 "IP address of a reverse proxy whose X-Forwarded-For names the client "
                 "(repeatable or comma-separated)")
      ->envname("SAMEN_TRUSTED_PROXIES")
      ->delimiter(',')
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            value = std::string(domain::trim(value));  // "a, b" in the environment
            if (value.empty() || http::canonical_address(value)) return {};
            return "'" + value + "' is not an IP address";
          },
          "ADDR"));
  cmd.add_option("--max-connections", o.http.max_connections,
                 "open connections at most; more are answered 503 (default: from the file "
                 "descriptor limit)")
      ->envname("SAMEN_MAX_CONNECTIONS")
      ->check(CLI::Range(0, 1 << 20));
  cmd.add_option("--log-level", o.log_level, "info (access log), warn or error")
      ->envname("SAMEN_LOG_LEVEL")
      ->check(CLI::IsMember({"debug", "info", "warn", "error"}));
  cmd.add_flag("--family-access-log-names", o.family_access_log_names,
               "show families the names of the people who read their file (default: only "
               "organisation and role)")
      ->envname("SAMEN_FAMILY_ACCESS_LOG_NAMES");
  cmd.add_option("--login-limit-account-address", o.login_limit_account_address,
                 "failed logins in 15 minutes before one address is refused for one account")
      ->envname("SAMEN_LOGIN_LIMIT_ACCOUNT_ADDRESS")
      ->check(CLI::Range(1, 1000000));
  cmd.add_option("--login-limit-account", o.login_limit_account,
                 "failed logins in 15 minutes before an account is refused from every address")
      ->envname("SAMEN_LOGIN_LIMIT_ACCOUNT")
      ->check(CLI::Range(1, 1000000));
  cmd.add_option("--login-limit-address", o.login_limit_address,
                 "failed logins in 15 minutes before an address is refused for every account")
      ->envname("SAMEN_LOGIN_LIMIT_ADDRESS")
      ->check(CLI::Range(1, 1000000));
  cmd.add_option("--audit-key", o.audit_key,
                 "file with the Ed25519 key that signs audit checkpoints (samen audit keygen); "
                 "checkpoints are also appended to FILE.checkpoints")
      ->envname("SAMEN_AUDIT_KEY");
  cmd.add_option("--audit-checkpoint-file", o.audit_checkpoint_file,
                 "where the server appends a copy of each checkpoint (default: "
                 "AUDIT_KEY.checkpoints)")
      ->envname("SAMEN_AUDIT_CHECKPOINT_FILE");
  cmd.add_option("--audit-checkpoint-interval", o.audit_checkpoint_interval_s,
                 "seconds between signed checkpoints of the audit head, when it moved (60)")
      ->envname("SAMEN_AUDIT_CHECKPOINT_INTERVAL")
      ->check(CLI::Range(1, 86400));
  cmd.add_option("--smtp", o.smtp_url,
                 "SMTP server for e-mail: smtp://host:port (STARTTLS) or smtps://host:port, "
                 "credentials in the URL or SAMEN_SMTP_PASSWORD (default: no e-mail)")
      ->envname("SAMEN_SMTP");
  cmd.add_option("--mail-from", o.mail_from, "the address Samen's e-mails come from")
      ->envname("SAMEN_MAIL_FROM");
  cmd.add_option("--smtp-ca", o.smtp_ca,
                 "CA certificates (PEM) to check the SMTP server with (default: the system's)")
      ->envname("SAMEN_SMTP_CA");
  cmd.add_option("--public-url", o.public_url,
                 "the web UI's address as users reach it, for links in e-mails (default: "
                 "http://LISTEN)")
      ->envname("SAMEN_PUBLIC_URL");
  cmd.add_option("--mail-retry", o.mail_retry_s,
                 "seconds before a failed mail is tried again, doubling up to an hour (30)")
      ->envname("SAMEN_MAIL_RETRY")
      ->check(CLI::Range(1, 3600));
  cmd.add_option("--mail-digest-time", o.mail_digest_time,
                 "local time (HH:MM, Europe/Amsterdam) of the daily digest (07:00)")
      ->envname("SAMEN_MAIL_DIGEST_TIME");
  cmd.add_option("--reminder-interval", o.reminder_interval_s,
                 "seconds between passes that remind of overdue actions and coming reviews "
                 "(600)")
      ->envname("SAMEN_REMINDER_INTERVAL")
      ->check(CLI::Range(1, 86400));
  cmd.add_option("--review-reminder-days", o.review_reminder_days,
                 "days before a case's review date that its lead is reminded (7)")
      ->envname("SAMEN_REVIEW_REMINDER_DAYS")
      ->check(CLI::Range(0, 60));
  add_field_keys_option(cmd, o.field_keys);
  add_allow_plaintext_flag(cmd, o.allow_plaintext);
  cmd.add_flag("--allow-nondurable", o.allow_nondurable,
               "run although the store's commits may not survive a crash (SQLite synchronous "
               "below FULL, PostgreSQL fsync or synchronous_commit off)")
      ->envname("SAMEN_ALLOW_NONDURABLE");
}

std::optional<audit::AuditKey> load_serve_audit_key(const ServeOptions& o) {
  if (o.audit_key.empty()) return std::nullopt;
  try {
    return audit::load_audit_key(o.audit_key);
  } catch (const std::runtime_error& e) {
    throw CommandError(std::string("--audit-key: ") + e.what());
  }
}

namespace {

// JSON lines only, from the first one (the field keys are logged before the server runs).
void configure_logging(const ServeOptions& o) {
  spdlog::set_pattern("%v");
  spdlog::set_level(spdlog::level::from_str(o.log_level));
}

}  // namespace

std::shared_ptr<const security::FieldKeys> load_serve_field_keys(const ServeOptions& o) {
  configure_logging(o);
  auto keys = require_field_keys(o.field_keys, o.allow_plaintext);
  if (keys)
    http::log_event(http::LogLevel::info, "field_keys",
                    {{"current_key_id", keys->current().id},
                     {"keys", static_cast<std::int64_t>(keys->keys().size())}});
  else
    http::log_event(http::LogLevel::warn, "plaintext_store",
                    {{"message",
                      "no field keys: BSNs and case texts are written in plain text, sealed "
                      "ones cannot be read; running because of --allow-plaintext"}});
  return keys;
}

int read_pool_size(const ServeOptions& o) {
  int network =
      o.http.threads > 0 ? o.http.threads : static_cast<int>(std::thread::hardware_concurrency());
  return std::max(network, 1) + std::max(o.http.cpu_workers, 1);
}

namespace {

void refuse_nondurable_store(store::Store& store, bool allowed) {
  auto problem = store.durability_problem();
  if (problem.empty()) return;
  if (!allowed)
    throw CommandError(problem +
                       ": a commit the server acknowledged could be lost in a crash. Fix the "
                       "setting, or start with --allow-nondurable if you accept that.");
  http::log_event(http::LogLevel::warn, "nondurable_store",
                  {{"message", problem + "; running because of --allow-nondurable"}});
}

// Without --smtp no mail is queued; the in-app notifications work all the same.
std::unique_ptr<notify::MailSender> start_mail_sender(audit::AuditedWriter& writer,
                                                      const ServeOptions& o,
                                                      api::Settings& settings) {
  settings.public_url = o.public_url.empty()
                            ? "http://" + o.http.host + ":" + std::to_string(o.http.port)
                            : o.public_url;
  while (!settings.public_url.empty() && settings.public_url.back() == '/')
    settings.public_url.pop_back();
  if (o.smtp_url.empty()) {
    http::log_event(http::LogLevel::info, "mail_off",
                    {{"message", "no --smtp: notifications stay in the app, no e-mail is sent"}});
    return nullptr;
  }
  notify::SenderConfig c;
  c.smtp.url = o.smtp_url;
  c.smtp.from = o.mail_from;
  c.smtp.ca_file = o.smtp_ca;
  if (const char* password = std::getenv("SAMEN_SMTP_PASSWORD")) c.smtp.password = password;
  if (auto problem = notify::check_smtp_config(c.smtp)) throw CommandError(*problem);
  auto digest = domain::parse_clock_minute(o.mail_digest_time);
  if (!digest) throw CommandError("--mail-digest-time: give HH:MM");
  c.digest_minute = *digest;
  c.public_url = settings.public_url;
  c.retry_base = std::chrono::seconds(o.mail_retry_s);
  c.failed = [](const std::string& id, const std::string& error, bool given_up) {
    http::log_event(given_up ? http::LogLevel::error : http::LogLevel::warn, "mail_failed",
                    {{"mail_id", id}, {"error", error}, {"given_up", given_up}});
  };
  settings.mail_enabled = true;
  return std::make_unique<notify::MailSender>(writer, std::move(c));
}

// The clock's notifications, with or without e-mail: one write per pass, its reminders
// audited as the system's.
std::unique_ptr<notify::PeriodicTask> start_reminders(audit::AuditedWriter& writer,
                                                      const ServeOptions& o,
                                                      const api::Settings& settings) {
  return std::make_unique<notify::PeriodicTask>(
      std::chrono::seconds(o.reminder_interval_s),
      [&writer, &settings, days = o.review_reminder_days] {
        writer.run([&](store::WriteTx& tx) {
          auto pass = api::send_reminders(tx, settings, domain::now_millis(), days);
          return audit::JobOutcome{true, std::move(pass.events)};
        });
      },
      [](const std::string& what) {
        http::log_event(http::LogLevel::warn, "reminders_failed", {{"what", what}});
      });
}

}  // namespace

void run_server(store::Store& store, const ServeOptions& options,
                const std::function<void(unsigned short)>& on_listening) {
  configure_logging(options);
  refuse_nondurable_store(store, options.allow_nondurable);
  auto key = load_serve_audit_key(options);
  audit::AuditedWriter writer(store);
  api::Settings settings;
  settings.family_access_log_names = options.family_access_log_names;
  settings.login_limit_account_address = options.login_limit_account_address;
  settings.login_limit_account = options.login_limit_account;
  settings.login_limit_address = options.login_limit_address;
  std::optional<audit::Checkpointer> checkpointer;
  if (key) {
    settings.audit_public_keys.push_back({key->public_key, key->key_id});
    checkpointer.emplace(
        writer, *key,
        options.audit_checkpoint_file.empty() ? audit::checkpoint_file_beside(options.audit_key)
                                              : options.audit_checkpoint_file,
        std::chrono::seconds(options.audit_checkpoint_interval_s),
        audit::CheckpointEvents{
            [](const store::AuditCheckpoint& c) {
              http::log_event(http::LogLevel::info, "audit_checkpoint",
                              {{"seq", c.seq}, {"key_id", c.key_id}});
            },
            [](const std::string& what) {
              http::log_event(http::LogLevel::error, "audit_checkpoint_failed", {{"what", what}});
            }});
  } else {
    http::log_event(http::LogLevel::warn, "audit_unsigned",
                    {{"message",
                      "no --audit-key: audit checkpoints are not signed, so a deleted tail of "
                      "the log cannot be detected"}});
  }
  auto sender = start_mail_sender(writer, options, settings);
  auto reminders = start_reminders(writer, options, settings);
  api::AppContext ctx{store, writer, settings};
  http::Router router;
  api::register_routes(router, ctx);
  http::ServerConfig config = options.http;
  const api::BodyLimits limits;
  config.anonymous_body_limit = limits.anonymous;
  config.body_limit = [&ctx, limits](const http::Request& head) {
    return api::request_body_limit(ctx, limits, head);
  };
  config.trusted_proxies = http::TrustedProxies::parse(options.trusted_proxies);
  if (!config.trusted_proxies.empty()) {
    // So an operator can see that SAMEN_TRUSTED_PROXIES reached the server.
    std::string list;
    for (const auto& value : options.trusted_proxies) list += (list.empty() ? "" : ",") + value;
    http::log_event(http::LogLevel::info, "trusted_proxies", {{"addresses", list}});
  }
  http::Server server(config, router, writer);
  server.run(on_listening);
  // After the last request and before the writer stops: the final head gets signed.
  if (checkpointer) checkpointer->stop();
  if (sender) sender->stop();
  reminders->stop();
  writer.stop();
  // The number of group commits tells an operator (and bench/) how well audit entries of
  // concurrent requests were batched: audit rows written ÷ batches.
  http::log_event(http::LogLevel::info, "stopped",
                  {{"message", "all requests finished, audit log committed"},
                   {"audit_batches", writer.batches_committed()}});
}

}  // namespace samen::cli
