// samen import pupils: load a school's pupil export, all or nothing, streaming the file.
#include <filesystem>
#include <iostream>

#include "audit/audited_writer.hpp"
#include "cli/cli_audit.hpp"
#include "cli/commands.hpp"
#include "cli/progress_bar.hpp"
#include "importer/pupil_import.hpp"

namespace samen::cli {
namespace {

void print_errors(const domain::CsvErrors& errors, const std::string& file) {
  for (const auto& e : errors.list)
    std::cerr << file << ":" << e.line << ": "
              << (e.column.empty() ? "" : "column " + e.column + ": ") << e.message << "\n";
  if (errors.truncated) std::cerr << file << ": more errors not shown (first 100 listed)\n";
}

}  // namespace

void add_import_command(CLI::App& app) {
  auto* import = app.add_subcommand("import", "import data");
  import->require_subcommand(1);
  auto* pupils = import->add_subcommand("pupils", "import a pupil CSV export into a school");
  struct Args {
    std::string db, school, file, field_keys;
    bool dry_run = false, allow_plaintext = false;
  };
  auto a = std::make_shared<Args>();
  pupils->add_option("--db", a->db, "SQLite database path")->envname("SAMEN_DB");
  pupils->add_option("--school", a->school, "school organisation id or exact name")->required();
  pupils->add_option("FILE", a->file, "CSV file")->required();
  pupils->add_flag("--dry-run", a->dry_run, "check and count, change nothing");
  add_field_keys_option(*pupils, a->field_keys);
  add_allow_plaintext_flag(*pupils, a->allow_plaintext);
  pupils->callback([a] {
    // The file is read twice (check, then write); a pipe could be read only once.
    std::error_code ec;
    if (!std::filesystem::exists(a->file, ec)) throw CommandError("cannot read " + a->file);
    if (!std::filesystem::is_regular_file(a->file, ec))
      throw CommandError(a->file + " is not a regular file (the import reads it twice)");
    auto size = static_cast<std::size_t>(std::filesystem::file_size(a->file, ec));
    auto bytes = importer::bytes_of_file(a->file);
    // The BSNs are sealed as they are written (and read back sealed to compare).
    auto store =
        open_migrated_store(a->db, 1, require_field_keys(a->field_keys, a->allow_plaintext));
    store::Organisation school;
    {
      auto tx = store->begin_read();
      school = find_organisation(*tx, a->school, "--school");
    }
    if (school.type != domain::OrgType::school)
      throw CommandError("--school: " + school.name + " is not a school");
    importer::ImportSummary summary;
    {
      auto tx = store->begin_read();
      ProgressBar bar("checking");
      summary = importer::check_pupil_import(*tx, school.id, bytes, a->dry_run,
                                             [&](std::size_t done) { bar.update(done, size); });
    }
    if (summary.errors.empty() && !a->dry_run) {
      audit::AuditedWriter writer(*store);
      writer.run_streaming([&](store::WriteTx& w, const audit::Emit& emit) {
        ProgressBar bar("writing");
        emit(cli_event("import", "pupil_import", school.id, "", school.region_id));
        summary = importer::write_pupil_import(
            w, school.id, bytes,
            [&](const importer::AppliedChange& c) {
              emit(cli_event(c.created ? "create" : "update", "pupil", c.pupil_id, c.pupil_id,
                             school.region_id));
            },
            [&](std::size_t done) { bar.update(done, size); });
        return audit::JobOutcome{summary.errors.empty(), {}};
      });
    }
    if (!summary.errors.empty()) {
      print_errors(summary.errors, a->file);
      throw CommandError(std::to_string(summary.errors.list.size()) + " problem(s) in " + a->file +
                         "; nothing was imported");
    }
    std::cout << (a->dry_run ? "dry run: " : "imported: ") << summary.created << " created, "
              << summary.updated << " updated, " << summary.unchanged
              << " unchanged; guardians: " << summary.guardians_added << " added, "
              << summary.guardians_ended << " ended, " << summary.guardians_changed << " changed\n";
    for (const auto& c : summary.ignored_columns) std::cout << "ignored column: " << c << "\n";
  });
}

}  // namespace samen::cli
