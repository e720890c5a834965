#pragma once
// The subcommands of the samen binary. Each file registers its own on the CLI11 app; main
// runs the chosen one and turns any exception into one line on stderr and exit code 1.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>

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

// A failure the user can fix: printed as is, exit code 1 (2 for usage).
struct CommandError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Opens the store and refuses one that is not migrated to this binary's schema.
std::unique_ptr<store::Store> open_migrated_store(const std::string& db, int readers = 4);

// "host:port" → parts; throws CommandError naming the option.
std::pair<std::string, unsigned short> parse_listen(const std::string& listen);

}  // namespace samen::cli
