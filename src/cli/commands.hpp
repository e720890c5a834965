#pragma once
// The subcommands of the samen binary. Each file registers its own on the CLI11 app; main
// runs the chosen one and turns any exception into one line on stderr and exit code 1.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "security/field_keys.hpp"
#include "store/store.hpp"

namespace samen::cli {

void add_init_command(CLI::App& app);
void add_serve_command(CLI::App& app);
void add_migrate_command(CLI::App& app);
void add_demo_command(CLI::App& app);
void add_user_command(CLI::App& app);
void add_import_command(CLI::App& app);
void add_audit_command(CLI::App& app);
void add_routes_command(CLI::App& app);
void add_backup_command(CLI::App& app);
void add_copy_command(CLI::App& app);
void add_access_command(CLI::App& app);
void add_keys_command(CLI::App& app);
// rotate and retire, under `keys` (cmd_keys_store.cpp).
void add_keys_store_commands(CLI::App& keys);

// A failure the user can fix: printed as is, exit code 1 (2 for usage).
struct CommandError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Opens the store and refuses one that is not migrated to this binary's schema. The store
// seals and opens with `field_keys` (nullptr: none; sealed values are then refused).
std::unique_ptr<store::Store> open_migrated_store(
    const std::string& db, int readers,
    std::shared_ptr<const security::FieldKeys> field_keys = nullptr);

// The field keys a command seals and opens with: --field-keys FILE (SAMEN_FIELD_KEYS_FILE)
// or the file's content in SAMEN_FIELD_KEYS.
CLI::Option* add_field_keys_option(CLI::App& cmd, std::string& file);
// --allow-plaintext (SAMEN_ALLOW_PLAINTEXT), for the commands that write sealed columns.
CLI::Option* add_allow_plaintext_flag(CLI::App& cmd, bool& allow);
// The keys named; nullptr when none are. Throws CommandError when they cannot be used.
std::shared_ptr<const security::FieldKeys> load_field_keys(const std::string& file);
// The same for a command that writes sealed columns: no keys is refused unless
// `allow_plaintext`, as the database would then get BSNs and case texts in plain text.
std::shared_ptr<const security::FieldKeys> require_field_keys(const std::string& file,
                                                              bool allow_plaintext);

// "host:port" → parts; throws CommandError naming the option.
std::pair<std::string, unsigned short> parse_listen(const std::string& listen);

}  // namespace samen::cli
