// samen demo: create the fictional demo region in a new database and serve it.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "audit/checkpoint.hpp"
#include "cli/commands.hpp"
#include "cli/server_runner.hpp"
#include "demo/demo_region.hpp"
#include "domain/password_policy.hpp"
#include "security/field_keys.hpp"

namespace samen::cli {
namespace {

void print_logins(const demo::DemoResult& result, const std::string& password,
                  const std::string& url) {
  std::cout << fmt::format("\nDemo region Lindeveld: {} pupils, {} users, {} cases.\n",
                           result.pupils, result.users, result.cases);
  if (!url.empty()) std::cout << "Open " << url << "\n";
  std::cout << fmt::format("\nEvery demo login has the password: {}\n\n", password);
  std::cout << fmt::format("{:<38} {:<22} {}\n", "e-mail", "role", "organisation");
  std::cout << std::string(100, '-') << "\n";
  for (const auto& l : result.logins)
    std::cout << fmt::format("{:<38} {:<22} {}\n", l.email, l.role, l.organisation);
  std::cout << std::endl;
}

void write_logins_json(const demo::DemoResult& result, const std::string& path) {
  boost::json::array logins;
  for (const auto& l : result.logins)
    logins.push_back(boost::json::object{
        {"email", l.email}, {"role", l.role}, {"organisation", l.organisation}, {"name", l.name}});
  std::ofstream out(path);
  if (!out) throw CommandError("--logins-json: cannot write " + path);
  out << boost::json::serialize(logins) << "\n";
}

}  // namespace

namespace {

// The demo works out of the box: new field keys where --field-keys points (by default
// field.keys beside the database), if none are there, before the database, whose sensitive
// fields are sealed with them from the first row. SAMEN_FIELD_KEYS, when set, is used
// instead; --allow-plaintext makes a demo without keys (to measure what sealing costs).
template <class Args>
std::shared_ptr<const security::FieldKeys> demo_field_keys(Args& a) {
  if (a.serve.allow_plaintext && a.serve.field_keys.empty()) return load_serve_field_keys(a.serve);
  const char* env = std::getenv(security::kFieldKeysEnv);
  if (a.serve.field_keys.empty() && !(env && *env)) {
    bool on_postgres = a.db.rfind("postgres", 0) == 0;
    auto dir = on_postgres ? std::filesystem::current_path()
                           : std::filesystem::absolute(a.db).parent_path();
    a.serve.field_keys = (dir / "field.keys").lexically_normal().string();
  }
  if (!a.serve.field_keys.empty()) {
    try {
      security::ensure_field_keys_file(a.serve.field_keys);
    } catch (const std::runtime_error& e) {
      throw CommandError(std::string("--field-keys: ") + e.what());
    }
    std::cout << "Field keys: " << a.serve.field_keys << "\n";
  }
  return load_serve_field_keys(a.serve);
}

}  // namespace

void add_demo_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("demo", "create the demo region in a new database and serve it");
  struct Args {
    std::string db, listen = "127.0.0.1:8080", password, logins_json;
    int pupils = 600;
    bool no_serve = false;
    ServeOptions serve;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("--db", a->db, "SQLite database path (must not exist yet)")
      ->envname("SAMEN_DB")
      ->required();
  cmd->add_option("--listen", a->listen, "HOST:PORT to listen on")->envname("SAMEN_LISTEN");
  cmd->add_option("--password", a->password, "password for every demo login")->required();
  cmd->add_option("--pupils", a->pupils, "number of pupils")->check(CLI::Range(1, 5000000));
  cmd->add_option("--logins-json", a->logins_json, "write the logins as JSON to this file");
  cmd->add_flag("--no-serve", a->no_serve, "create the database and exit");
  add_serve_options(*cmd, a->serve);
  cmd->callback([a] {
    if (auto strong = domain::check_password_strength(a->password, "", ""); !strong)
      throw CommandError("--password: " + strong.error().message);
    if (std::filesystem::exists(a->db))
      throw CommandError("--db: " + a->db + " exists; the demo needs a new file");
    auto [host, port] = parse_listen(a->listen);
    demo::DemoResult result;
    auto field_keys = demo_field_keys(*a);
    {
      auto store = store::open_store(a->db, read_pool_size(a->serve), field_keys);
      store->migrate();
      result =
          demo::create_demo_region(*store, demo::DemoOptions{a->pupils, 20261124, a->password});
      if (!a->logins_json.empty()) write_logins_json(result, a->logins_json);
      if (a->no_serve) {
        print_logins(result, a->password, "");
        return;
      }
      // A new demo database gets a new audit key where --audit-key points, if none is there.
      if (!a->serve.audit_key.empty() && !std::filesystem::exists(a->serve.audit_key))
        audit::write_audit_key(a->serve.audit_key, audit::generate_audit_key());
      a->serve.http.host = host;
      a->serve.http.port = port;
      run_server(*store, a->serve, [&](unsigned short bound) {
        print_logins(result, a->password,
                     fmt::format("http://{}:{}/", host == "0.0.0.0" ? "127.0.0.1" : host, bound));
      });
    }
  });
}

}  // namespace samen::cli
