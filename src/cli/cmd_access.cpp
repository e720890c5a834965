// samen access explain: why a user can or cannot see an entry, at a moment, from the
// command line — the same answer GET /api/entries/{id}/explain gives.
#include <boost/json/serialize.hpp>
#include <iostream>

#include "api/explain.hpp"
#include "audit/audited_writer.hpp"
#include "cli/cli_audit.hpp"
#include "cli/commands.hpp"

namespace samen::cli {
namespace {

struct ExplainArgs {
  std::string db, user, entry, at, membership, field_keys;
  bool json = false;
};

void run_explain(const ExplainArgs& a) {
  auto store = open_migrated_store(a.db, 1, load_field_keys(a.field_keys));
  domain::Millis at = domain::now_millis();
  if (!a.at.empty()) {
    auto parsed = domain::parse_instant(a.at);
    if (!parsed) throw CommandError("--at: not an ISO 8601 instant, e.g. 2026-11-25T09:00:00Z");
    at = *parsed;
  }
  api::Explanation e;
  {
    auto tx = store->begin_read();
    auto result = api::explain_entry_access(*tx, a.entry, a.user, a.membership, at);
    if (!result)
      throw CommandError((result.error().field.empty() ? "--entry" : "--" + result.error().field) +
                         ": " + result.error().message);
    e = *result;
  }
  // Looking into who may see a pupil's file is itself an access to it.
  audit::AuditedWriter writer(*store);
  writer.run({}, {cli_event("explain", "entry", a.entry, e.pupil_id, e.region_id)});
  if (a.json) {
    auto body = api::decision_json(e.decision);
    body["user_id"] = a.user;
    body["membership_id"] = e.viewer.membership_id;
    body["role"] = std::string(domain::to_string(e.viewer.role));
    body["at"] = domain::format_instant(at);
    std::cout << boost::json::serialize(body) << "\n";
    return;
  }
  const auto& d = e.decision;
  std::cout << (d.allowed ? "allowed" : "denied") << " for user " << a.user << " as "
            << domain::to_string(e.viewer.role) << " (membership " << e.viewer.membership_id
            << ") at " << domain::format_instant(at) << "\n"
            << "rule: " << d.rule << "\n"
            << (d.allowed ? "legal basis: " + d.legal_basis : "reason: " + d.reason) << "\n";
  if (d.consent_id) std::cout << "consent: " << *d.consent_id << "\n";
  if (d.safety_decision_id) std::cout << "safety decision: " << *d.safety_decision_id << "\n";
  for (const auto& r : d.reasons) std::cout << "  - " << r << "\n";
}

}  // namespace

void add_access_command(CLI::App& app) {
  auto* access = app.add_subcommand("access", "questions about who may see what");
  access->require_subcommand(1);
  auto* explain =
      access->add_subcommand("explain", "why a user can or cannot see an entry, at a moment");
  auto a = std::make_shared<ExplainArgs>();
  explain->add_option("--db", a->db, "SQLite path or postgresql:// URI")->envname("SAMEN_DB");
  explain->add_option("--user", a->user, "user id")->required();
  explain->add_option("--entry", a->entry, "entry id")->required();
  explain->add_option("--at", a->at, "moment, ISO 8601 (default: now)");
  explain->add_option("--membership", a->membership,
                      "one of the user's memberships (default: the first that may see it)");
  explain->add_flag("--json", a->json, "print the decision as JSON");
  add_field_keys_option(*explain, a->field_keys);
  explain->callback([a] { run_explain(*a); });
}

}  // namespace samen::cli
