// samen routes: print every API route as "METHOD PATTERN", for the OpenAPI parity test and
// for operators writing proxy rules.
#include <iostream>

#include "api/routes.hpp"
#include "audit/audited_writer.hpp"
#include "cli/commands.hpp"

namespace samen::cli {

void add_routes_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("routes", "list the HTTP API routes");
  cmd->callback([] {
    // Routes capture the context but never run here; an in-memory store satisfies it.
    auto store = store::open_store(":memory:", 1, nullptr);
    audit::AuditedWriter writer(*store);
    api::AppContext ctx{*store, writer, api::Settings{}};
    http::Router router;
    api::register_routes(router, ctx);
    for (const auto& r : router.routes()) std::cout << r.method << " " << r.pattern << "\n";
  });
}

}  // namespace samen::cli
