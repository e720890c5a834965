// samen keys: the field keys that seal BSNs and case texts at rest (security/field_keys.hpp).
// These commands change only the key file; re-sealing the database (`rotate`) and dropping
// a key nothing uses any more (`retire`) need the store (cmd_keys_store.cpp).
#include <functional>
#include <iostream>

#include "cli/commands.hpp"
#include "security/field_keys.hpp"

namespace samen::cli {
namespace {

// Runs `body`, turning a problem with the file into one line naming the option.
void on_file(const std::function<void()>& body) {
  try {
    body();
  } catch (const std::runtime_error& e) {
    throw CommandError(std::string("--file: ") + e.what());
  }
}

void print_ring(const security::FieldKeys& keys) {
  for (const auto& key : keys.keys())
    std::cout << "key " << key.id << (key.id == keys.current().id ? "  current" : "") << "\n";
}

CLI::Option* add_file_option(CLI::App& cmd, std::string& file) {
  return cmd.add_option("--file", file, "the field key file")
      ->envname("SAMEN_FIELD_KEYS_FILE")
      ->required();
}

}  // namespace

void add_keys_command(CLI::App& app) {
  auto* keys = app.add_subcommand("keys", "the field keys that seal sensitive data at rest");
  keys->require_subcommand(1);
  // One file per subcommand: CLI11 fills an option from its environment variable also for
  // subcommands not given, so a shared variable took SAMEN_FIELD_KEYS_FILE over --file.
  struct Args {
    std::string init_file, add_file, use_file, show_file, id;
    bool standby = false;
  };
  auto a = std::make_shared<Args>();

  auto* init = keys->add_subcommand("init", "write a new field key file (mode 0600)");
  add_file_option(*init, a->init_file);
  init->callback([a] {
    on_file([&] {
      auto ring = security::FieldKeys::generate();
      security::write_field_keys_file(a->init_file, ring);
      std::cout << "field keys written to " << a->init_file << ": key " << ring.current().id
                << " (current) and the blind-index key. Back the file up apart from the "
                   "database.\n";
    });
  });

  auto* add = keys->add_subcommand("add", "add a new key and make it current");
  add_file_option(*add, a->add_file);
  add->add_flag("--standby", a->standby,
                "add the key without making it current (several servers: every one learns "
                "it first; then `samen keys use`)");
  add->callback([a] {
    on_file([&] {
      std::string id;
      auto ring = security::update_field_keys_file(
          a->add_file, [&](security::FieldKeys& k) { id = k.add_key(!a->standby); });
      std::cout << "added key " << id << (a->standby ? " (standby)" : " (current)") << " to "
                << a->add_file << "\n";
      print_ring(ring);
    });
  });

  auto* use = keys->add_subcommand("use", "make a key of the file current");
  add_file_option(*use, a->use_file);
  use->add_option("id", a->id, "the key id")->required();
  use->callback([a] {
    on_file([&] {
      auto ring = security::update_field_keys_file(a->use_file, [&](security::FieldKeys& k) {
        if (!k.use_key(a->id)) throw std::runtime_error("no key " + a->id + " in the file");
      });
      print_ring(ring);
    });
  });

  auto* show = keys->add_subcommand("show", "list the key ids and which is current (no keys)");
  add_file_option(*show, a->show_file);
  show->callback(
      [a] { on_file([&] { print_ring(security::load_field_keys_file(a->show_file)); }); });
  add_keys_store_commands(*keys);
}

}  // namespace samen::cli
