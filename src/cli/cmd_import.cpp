// samen import pupils: load a school's pupil export, all or nothing.
#include <fstream>
#include <iostream>
#include <sstream>

#include "audit/audited_writer.hpp"
#include "cli/cli_audit.hpp"
#include "cli/commands.hpp"
#include "cli/progress_bar.hpp"
#include "importer/pupil_import.hpp"

namespace samen::cli {
namespace {

void print_errors(const importer::ImportPlan& plan, const std::string& file) {
  for (const auto& e : plan.errors)
    std::cerr << file << ":" << e.line << ": "
              << (e.column.empty() ? "" : "column " + e.column + ": ") << e.message << "\n";
  if (plan.truncated_errors) std::cerr << file << ": more errors not shown (first 100 listed)\n";
}

}  // namespace

void add_import_command(CLI::App& app) {
  auto* import = app.add_subcommand("import", "import data");
  import->require_subcommand(1);
  auto* pupils = import->add_subcommand("pupils", "import a pupil CSV export into a school");
  struct Args {
    std::string db, school, file;
    bool dry_run = false;
  };
  auto a = std::make_shared<Args>();
  pupils->add_option("--db", a->db, "SQLite database path")->envname("SAMEN_DB");
  pupils->add_option("--school", a->school, "school organisation id or exact name")->required();
  pupils->add_option("FILE", a->file, "CSV file")->required();
  pupils->add_flag("--dry-run", a->dry_run, "check and count, change nothing");
  pupils->callback([a] {
    auto store = open_migrated_store(a->db, 1);
    std::ifstream in(a->file, std::ios::binary);
    if (!in) throw CommandError("cannot read " + a->file);
    std::ostringstream content;
    content << in.rdbuf();
    std::string bytes = content.str();
    store::Organisation school;
    {
      auto tx = store->begin_read();
      school = find_organisation(*tx, a->school, "--school");
    }
    if (school.type != domain::OrgType::school)
      throw CommandError("--school: " + school.name + " is not a school");
    domain::CsvParseResult parsed;
    {
      ProgressBar bar("reading");
      parsed = domain::parse_pupil_csv(bytes, school.id,
                                       [&](std::size_t done) { bar.update(done, bytes.size()); });
    }
    importer::ImportPlan plan;
    if (a->dry_run || !parsed.errors.empty()) {
      auto tx = store->begin_read();
      plan = importer::plan_import(*tx, parsed, school.id);
    } else {
      audit::AuditedWriter writer(*store);
      writer.run([&](store::WriteTx& w) {
        plan = importer::plan_import(w, parsed, school.id);
        if (!plan.errors.empty()) return audit::JobOutcome{false, {}};
        ProgressBar bar("writing");
        auto changes = importer::apply_import(
            w, plan, [&](std::size_t d, std::size_t t) { bar.update(d, t); });
        std::vector<audit::Event> events{
            cli_event("import", "pupil_import", school.id, "", school.region_id)};
        for (const auto& c : changes)
          events.push_back(cli_event(c.created ? "create" : "update", "pupil", c.pupil_id,
                                     c.pupil_id, school.region_id));
        return audit::JobOutcome{true, std::move(events)};
      });
    }
    if (!plan.errors.empty()) {
      print_errors(plan, a->file);
      throw CommandError(std::to_string(plan.errors.size()) + " problem(s) in " + a->file +
                         "; nothing was imported");
    }
    std::cout << (a->dry_run ? "dry run: " : "imported: ") << plan.creates.size() << " created, "
              << plan.updates.size() << " updated, " << plan.unchanged << " unchanged\n";
    for (const auto& c : plan.ignored_columns) std::cout << "ignored column: " << c << "\n";
  });
}

}  // namespace samen::cli
