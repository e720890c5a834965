// samen audit verify | head: check the hash chain; print its head for safekeeping.
#include <iostream>

#include "audit/verifier.hpp"
#include "cli/commands.hpp"

namespace samen::cli {

void add_audit_command(CLI::App& app) {
  auto* audit_cmd = app.add_subcommand("audit", "audit log tools");
  audit_cmd->require_subcommand(1);
  auto db = std::make_shared<std::string>();
  auto expect = std::make_shared<std::string>();
  auto* verify = audit_cmd->add_subcommand("verify", "verify the hash chain");
  verify->add_option("--db", *db, "SQLite database path")->envname("SAMEN_DB");
  verify->add_option("--expect-head", *expect,
                     "SEQ:HASH noted earlier; also detects a truncated log");
  verify->callback([db, expect] {
    auto store = open_migrated_store(*db, 1);
    std::optional<audit::ChainHead> expected;
    if (!expect->empty()) {
      expected = audit::parse_head(*expect);
      if (!expected)
        throw CommandError("--expect-head must be SEQ:HASH with a 64-character hex hash");
    }
    auto report = audit::verify_chain(*store, expected);
    if (!report.intact)
      throw CommandError("audit chain broken at entry " + std::to_string(report.first_bad_seq) +
                         ": " + report.problem);
    std::cout << "audit chain intact: " << report.entries << " entries, head "
              << audit::format_head(report.head) << "\n";
  });
  auto* head = audit_cmd->add_subcommand("head", "print the chain head as SEQ:HASH");
  head->add_option("--db", *db, "SQLite database path")->envname("SAMEN_DB");
  head->callback([db] {
    auto store = open_migrated_store(*db, 1);
    auto tx = store->begin_read();
    auto row = tx->audit_head();
    std::cout << (row ? audit::format_head({row->seq, row->hash})
                      : audit::format_head({0, std::string(64, '0')}))
              << "\n";
  });
}

}  // namespace samen::cli
