// samen copy: move a deployment from one database to another (SQLite to PostgreSQL and
// back) with every row and the audit chain intact, and prove it afterwards.
#include <iostream>
#include <map>
#include <memory>

#include "audit/audited_writer.hpp"
#include "audit/verifier.hpp"
#include "cli/cli_audit.hpp"
#include "cli/commands.hpp"
#include "cli/progress_bar.hpp"
#include "security/sealed_field.hpp"

namespace samen::cli {
namespace {

struct CopyOptions {
  std::string from;
  std::string to;
  std::string field_keys;
};

// With the field keys: every sealed value of the destination opens where it now lives,
// which proves the copy kept each record's id (the associated data). Returns how many.
std::int64_t verify_sealed(store::Store& to, const security::FieldKeys& keys) {
  std::int64_t opened = 0;
  auto tx = to.begin_read();
  for (const auto& column : security::sensitive_columns()) {
    std::int64_t after = 0;
    // No key has the id "-": every stored value is listed.
    for (;;) {
      auto values = tx->values_to_reseal(column, "-", after, 1000);
      if (values.empty()) break;
      for (const auto& v : values) {
        after = v.record_id;
        if (!security::is_sealed(v.value)) continue;
        try {
          security::open_column(keys, column.table, column.column, std::to_string(v.record_id),
                                v.value);
        } catch (const security::SealedFieldError& e) {
          throw CommandError(std::string("verification failed: ") + e.what());
        }
        ++opened;
      }
    }
  }
  return opened;
}

// Compares the destination, table by table, with the digests taken while reading the source.
void verify_rows(store::Store& to, const std::vector<store::TableCopyReport>& source) {
  auto tx = to.begin_read();
  std::map<std::string, store::TableDigest> copied;
  for (auto& r : store::digest_tables(*tx)) copied[r.table] = r.digest;
  for (const auto& r : source) {
    const auto& got = copied[r.table];
    if (!(got == r.digest))
      throw CommandError("verification failed: table " + r.table + " has " +
                         std::to_string(got.rows()) + " rows in the destination, " +
                         std::to_string(r.digest.rows()) + " in the source, or they differ");
  }
}

void run_copy(const CopyOptions& o) {
  if (o.to.empty()) throw CommandError("--to is required");
  if (o.from == o.to) throw CommandError("--from and --to name the same database");
  // Sealed values travel as they are stored: the copy itself needs no keys.
  auto keys = load_field_keys(o.field_keys);
  auto from = open_migrated_store(o.from, 1);
  auto to = store::open_store(o.to, 1, nullptr);
  if (to->schema_version() > to->latest_schema_version())
    throw CommandError("--to: the destination is at a newer schema version than this samen");
  to->migrate();

  // The source records that all of it was exported, before the snapshot that copies it,
  // so the copy carries that entry too. No location in the entry: URIs hold credentials.
  {
    audit::AuditedWriter writer(*from);
    writer.run([&](store::WriteTx&) {
      return audit::JobOutcome{true, {cli_event("export", "database", to->backend_name())}};
    });
  }

  std::vector<store::TableCopyReport> reports;
  std::optional<audit::ChainHead> source_head;
  {
    auto source = from->begin_read();
    if (auto head = source->audit_head()) source_head = audit::ChainHead{head->seq, head->hash};
    auto target = to->begin_write();
    // One bar per table; a terminal shows them one under the other.
    std::unique_ptr<ProgressBar> bar;
    std::string current;
    reports =
        store::copy_tables(*source, *target, [&](const std::string& table, std::int64_t rows) {
          if (table != current) bar = std::make_unique<ProgressBar>("copy " + table);
          current = table;
          bar->update(static_cast<std::size_t>(rows), static_cast<std::size_t>(rows));
        });
    target->commit();
  }

  verify_rows(*to, reports);
  auto chain = audit::verify_chain(*to, source_head);
  if (!chain.intact)
    throw CommandError("verification failed: the copy's audit chain is broken at entry " +
                       std::to_string(chain.first_bad_seq) + ": " + chain.problem);
  std::int64_t rows = 0;
  for (const auto& r : reports) rows += r.digest.rows();
  std::string sealed = "; sealed values not checked (no --field-keys)";
  if (keys) sealed = "; " + std::to_string(verify_sealed(*to, *keys)) + " sealed values open";
  std::cout << "copied " << rows << " rows in " << reports.size() << " tables from "
            << from->backend_name() << " to " << to->backend_name()
            << "; verified: every table matches, audit chain intact: " << chain.entries
            << " entries, head " << audit::format_head(chain.head) << sealed << "\n";
}

}  // namespace

void add_copy_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "copy", "copy a whole database to another (SQLite <-> PostgreSQL), verified afterwards");
  auto o = std::make_shared<CopyOptions>();
  cmd->add_option("--from", o->from, "source: SQLite path or postgresql:// URI")->required();
  cmd->add_option("--to", o->to, "destination, new or empty: SQLite path or postgresql:// URI")
      ->required();
  add_field_keys_option(*cmd, o->field_keys)
      ->description(
          "the field keys, to check afterwards that every sealed value opens in the copy");
  cmd->callback([o] { run_copy(*o); });
}

}  // namespace samen::cli
