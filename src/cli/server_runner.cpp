#include "cli/server_runner.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <thread>

#include "api/routes.hpp"
#include "audit/audited_writer.hpp"
#include "cli/commands.hpp"
#include "domain/text.hpp"
#include "http/forwarded.hpp"
#include "http/log_event.hpp"

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
}

int read_pool_size(const ServeOptions& o) {
  int network =
      o.http.threads > 0 ? o.http.threads : static_cast<int>(std::thread::hardware_concurrency());
  return std::max(network, 1) + std::max(o.http.cpu_workers, 1);
}

void run_server(store::Store& store, const ServeOptions& options,
                const std::function<void(unsigned short)>& on_listening) {
  spdlog::set_pattern("%v");
  spdlog::set_level(spdlog::level::from_str(options.log_level));
  audit::AuditedWriter writer(store);
  api::Settings settings;
  settings.family_access_log_names = options.family_access_log_names;
  settings.login_limit_account_address = options.login_limit_account_address;
  settings.login_limit_account = options.login_limit_account;
  settings.login_limit_address = options.login_limit_address;
  api::AppContext ctx{store, writer, settings};
  http::Router router;
  api::register_routes(router, ctx);
  http::ServerConfig config = options.http;
  config.trusted_proxies = http::TrustedProxies::parse(options.trusted_proxies);
  if (!config.trusted_proxies.empty()) {
    // So an operator can see that SAMEN_TRUSTED_PROXIES reached the server.
    std::string list;
    for (const auto& value : options.trusted_proxies) list += (list.empty() ? "" : ",") + value;
    http::log_event(http::LogLevel::info, "trusted_proxies", {{"addresses", list}});
  }
  http::Server server(config, router, writer);
  server.run(on_listening);
  writer.stop();
  // The number of group commits tells an operator (and bench/) how well audit entries of
  // concurrent requests were batched: audit rows written ÷ batches.
  http::log_event(http::LogLevel::info, "stopped",
                  {{"message", "all requests finished, audit log committed"},
                   {"audit_batches", writer.batches_committed()}});
}

}  // namespace samen::cli
