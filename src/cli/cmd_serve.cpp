// samen serve: run the HTTP server on a migrated database.
#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/server_runner.hpp"
#include "http/log_event.hpp"

namespace samen::cli {

void add_serve_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("serve", "run the HTTP server");
  struct Args {
    std::string db;
    std::string listen = "127.0.0.1:8080";
    ServeOptions serve;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--db", args->db, "SQLite database path")->envname("SAMEN_DB");
  cmd->add_option("--listen", args->listen, "HOST:PORT to listen on")->envname("SAMEN_LISTEN");
  add_serve_options(*cmd, args->serve);
  cmd->callback([args] {
    // Before the store: refused at start when unusable, not at the first sealed value.
    auto field_keys = load_serve_field_keys(args->serve);
    auto store = open_migrated_store(args->db, read_pool_size(args->serve), field_keys);
    auto [host, port] = parse_listen(args->listen);
    args->serve.http.host = host;
    args->serve.http.port = port;
    run_server(*store, args->serve, [&](unsigned short bound) {
      http::log_event(http::LogLevel::info, "listening",
                      {{"url", "http://" + host + ":" + std::to_string(bound) + "/"}});
    });
  });
}

}  // namespace samen::cli
