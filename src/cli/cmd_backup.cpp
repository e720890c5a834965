// samen backup: a consistent copy of the database while the server keeps running.
#include <iostream>

#include "audit/verifier.hpp"
#include "cli/commands.hpp"

namespace samen::cli {

void add_backup_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("backup", "copy the database consistently, also while serving");
  auto db = std::make_shared<std::string>();
  auto to = std::make_shared<std::string>();
  cmd->add_option("--db", *db, "SQLite database path")->envname("SAMEN_DB");
  cmd->add_option("--to", *to, "new file for the copy")->required();
  cmd->callback([db, to] {
    auto store = open_migrated_store(*db, 1);
    store->backup_to(*to);
    // The copy must stand on its own: check its chain before calling it a backup.
    auto copy = open_migrated_store(*to, 1);
    auto report = audit::verify_chain(*copy, std::nullopt);
    if (!report.intact)
      throw CommandError("the copy's audit chain is broken at entry " +
                         std::to_string(report.first_bad_seq));
    std::cout << "backup written to " << *to << ": audit chain intact, head "
              << audit::format_head(report.head) << "\n";
  });
}

}  // namespace samen::cli
