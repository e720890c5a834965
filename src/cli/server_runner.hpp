#pragma once
// Wires a store into a running server: writer, routes, HTTP. Used by `serve` and `demo`.
#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "http/server.hpp"
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
};

void add_serve_options(CLI::App& cmd, ServeOptions& options);
// Read connections for the store: one per thread that can run a handler (network threads
// and the CPU pool), so no request waits for a connection while a thread is free.
int read_pool_size(const ServeOptions& options);
// Blocks until SIGINT/SIGTERM; returns after in-flight requests and audit commits finish.
void run_server(store::Store& store, const ServeOptions& options,
                const std::function<void(unsigned short)>& on_listening);

}  // namespace samen::cli
