#include "cli/server_runner.hpp"

#include <spdlog/spdlog.h>

#include "api/routes.hpp"
#include "audit/audited_writer.hpp"
#include "cli/commands.hpp"
#include "http/log_event.hpp"

namespace samen::cli {

void add_serve_options(CLI::App& cmd, ServeOptions& o) {
  cmd.add_option("--threads", o.http.threads, "network threads (default: one per core)")
      ->envname("SAMEN_THREADS");
  cmd.add_option("--static", o.http.static_dir, "directory with the built web UI")
      ->envname("SAMEN_STATIC");
  cmd.add_option("--log-level", o.log_level, "info (access log), warn or error")
      ->envname("SAMEN_LOG_LEVEL")
      ->check(CLI::IsMember({"debug", "info", "warn", "error"}));
}

void run_server(store::Store& store, const ServeOptions& options,
                const std::function<void(unsigned short)>& on_listening) {
  spdlog::set_pattern("%v");
  spdlog::set_level(spdlog::level::from_str(options.log_level));
  audit::AuditedWriter writer(store);
  api::AppContext ctx{store, writer, api::Settings{}};
  http::Router router;
  api::register_routes(router, ctx);
  http::Server server(options.http, router, writer);
  server.run(on_listening);
  writer.stop();
  http::log_event(http::LogLevel::info, "stopped",
                  {{"message", "all requests finished, audit log committed"}});
}

}  // namespace samen::cli
