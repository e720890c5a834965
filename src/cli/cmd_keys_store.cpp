// samen keys rotate and retire: the parts of key management that need the database.
// rotate re-seals every sealed value with the current key, online (a batch is a write
// transaction of its own, taking turns with a running server's writes), resumable (every
// value names its key, so a second run finds only what is left) and stoppable with Ctrl-C
// between two batches. retire drops a key from the file once no value carries it.
#include <atomic>
#include <csignal>
#include <iostream>

#include "audit/audited_writer.hpp"
#include "cli/cli_audit.hpp"
#include "cli/commands.hpp"
#include "security/key_rotation.hpp"
#include "store/sql/sealed_values.hpp"

namespace samen::cli {
namespace {

std::atomic<bool> stop_rotation{false};

extern "C" void on_stop_signal(int) { stop_rotation = true; }

struct RotateArgs {
  std::string db, field_keys;
  std::size_t batch_size = 500;
};

void run_rotate(const RotateArgs& a) {
  auto keys = load_field_keys(a.field_keys);
  if (!keys) throw CommandError("--field-keys is required (or SAMEN_FIELD_KEYS)");
  auto store = open_migrated_store(a.db, 1, keys);
  const auto& current = keys->current().id;
  // Who re-sealed the database with which key, before the first value changes.
  {
    audit::AuditedWriter writer(*store);
    writer.run({}, {cli_event("rotate_field_keys", "database", current)});
  }
  stop_rotation = false;
  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);
  store::sql::StoreSealedValues source(*store);
  security::RotationOptions options;
  options.batch_size = a.batch_size;
  options.stop_requested = [] { return stop_rotation.load(); };
  options.on_batch = [](const security::RotationProgress& p) {
    std::cout << "re-sealed " << p.resealed << " (" << p.table << "." << p.column
              << " up to record " << p.after << ")" << std::endl;
  };
  security::RotationReport report;
  try {
    report = security::rotate_field_keys(*keys, source, options);
  } catch (const security::RotationError& e) {
    throw CommandError(std::string("rotation stopped: ") + e.what());
  }
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  std::cout << (report.complete ? "done" : "stopped") << ": " << report.resealed
            << " value(s) re-sealed with key " << current << " (" << report.sealed_plain
            << " were not sealed before";
  for (const auto& [key, count] : report.from_key) std::cout << ", " << count << " from " << key;
  std::cout << ")\n";
  if (!report.complete)
    throw CommandError("stopped before the end: run the same command again to go on");
  std::int64_t left = 0;
  for (const auto& key : keys->keys())
    if (key.id != current) left += store::sql::values_sealed_with(*store, key.id);
  if (left > 0)
    throw CommandError(std::to_string(left) +
                       " value(s) changed meanwhile still carry another key: run it again");
  std::cout << "no value sealed with another key remains\n";
  if (report.sealed_plain > 0)
    std::cout << "the database held plain text before: its old pages may still hold it until "
                 "they are reused; see docs/operations.md (VACUUM, old backups)\n";
}

struct RetireArgs {
  std::string db, file, id;
};

void run_retire(const RetireArgs& a) {
  // Counting by key id needs no keys: the id is in the clear in every value.
  auto store = open_migrated_store(a.db, 1);
  auto left = store::sql::values_sealed_with(*store, a.id);
  if (left > 0)
    throw CommandError(std::to_string(left) + " value(s) are still sealed with key " + a.id +
                       ": run `samen keys rotate` first");
  try {
    security::update_field_keys_file(a.file, [&](security::FieldKeys& k) {
      if (!k.retire_key(a.id))
        throw std::runtime_error("key " + a.id + " is current or not in the file");
    });
  } catch (const std::runtime_error& e) {
    throw CommandError(std::string("--file: ") + e.what());
  }
  std::cout << "retired key " << a.id << ": no value in the database carries it\n";
}

}  // namespace

void add_keys_store_commands(CLI::App& keys) {
  auto r = std::make_shared<RotateArgs>();
  auto* rotate = keys.add_subcommand(
      "rotate", "re-seal every sealed value with the current key (online, resumable)");
  rotate->add_option("--db", r->db, "SQLite path or postgresql:// URI")->envname("SAMEN_DB");
  add_field_keys_option(*rotate, r->field_keys);
  rotate->add_option("--batch-size", r->batch_size, "values per transaction (500)")
      ->check(CLI::Range(1, 100000));
  rotate->callback([r] { run_rotate(*r); });

  auto t = std::make_shared<RetireArgs>();
  auto* retire =
      keys.add_subcommand("retire", "drop a key from the file once no value is sealed with it");
  retire->add_option("--db", t->db, "SQLite path or postgresql:// URI")->envname("SAMEN_DB");
  retire->add_option("--file", t->file, "the field key file")
      ->envname("SAMEN_FIELD_KEYS_FILE")
      ->required();
  retire->add_option("id", t->id, "the key id")->required();
  retire->callback([t] { run_retire(*t); });
}

}  // namespace samen::cli
