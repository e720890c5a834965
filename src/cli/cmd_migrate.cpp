// samen migrate: bring a database to this binary's schema version.
#include <iostream>

#include "cli/commands.hpp"

namespace samen::cli {

void add_migrate_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("migrate", "create or upgrade the database schema");
  auto db = std::make_shared<std::string>();
  cmd->add_option("--db", *db, "SQLite database path")->envname("SAMEN_DB");
  cmd->callback([db] {
    if (db->empty()) throw CommandError("--db is required (or set SAMEN_DB)");
    auto store = store::open_store(*db, 1, nullptr);
    int from = store->schema_version();
    if (from > store->latest_schema_version())
      throw CommandError("database is at schema version " + std::to_string(from) +
                         ", newer than this samen knows");
    int ran = store->migrate();
    std::cout << "schema at version " << store->schema_version() << " (" << ran
              << " migration(s) applied)\n";
  });
}

}  // namespace samen::cli
