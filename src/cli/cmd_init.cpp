// samen init: the first install of a region. On an empty database (migrated first when it
// needs it) it creates the region, its first organisation and an administrator with an
// admin membership there, and prints a one-time link to set that administrator's password
// (api/password_setup.hpp). A database that has a region already is refused unless
// --add-region says that another region is meant. Everything it creates is audited.
#include <iostream>

#include "api/password_setup.hpp"
#include "audit/audited_writer.hpp"
#include "cli/cli_audit.hpp"
#include "cli/commands.hpp"
#include "domain/text.hpp"
#include "security/crypto.hpp"

namespace samen::cli {
namespace {

struct InitArgs {
  std::string db, region, organisation, organisation_type = "municipality", email;
  std::string name = "Beheerder";
  std::string base_url = "http://127.0.0.1:8080";
  bool add_region = false;
};

// Opens the store at this binary's schema, migrating an older (or new, empty) database.
std::unique_ptr<store::Store> open_and_migrate(const std::string& db) {
  if (db.empty()) throw CommandError("--db is required (or set SAMEN_DB)");
  // A region, an organisation and an account hold nothing sealed: no field keys needed.
  auto store = store::open_store(db, 1, nullptr);
  if (store->schema_version() > store->latest_schema_version())
    throw CommandError("database " + db + " is at schema version " +
                       std::to_string(store->schema_version()) + ", newer than this samen knows");
  store->migrate();
  return store;
}

std::string checked_name(const std::string& value, const char* option) {
  std::string name(domain::trim(value));
  if (name.empty() || name.size() > 200)
    throw CommandError(std::string(option) + ": must be 1 to 200 characters");
  return name;
}

void run_init(const InitArgs& a) {
  std::string region_name = checked_name(a.region, "--region");
  store::Organisation org;
  org.name = checked_name(a.organisation, "--organisation");
  auto type = domain::parse_org_type(a.organisation_type);
  if (!type) throw CommandError("--organisation-type: unknown type '" + a.organisation_type + "'");
  org.type = *type;
  std::string email = domain::to_lower_ascii(domain::trim(a.email));
  if (!domain::looks_like_email(email))
    throw CommandError("--admin-email: not a valid e-mail address");
  std::string name = checked_name(a.name, "--admin-name");
  auto store = open_and_migrate(a.db);

  std::string refusal, user_id;
  api::IssuedPasswordSetup link;
  audit::AuditedWriter writer(*store);
  writer.run([&](store::WriteTx& w) {
    // Checked on the writer, so two inits at once cannot both find the database empty.
    if (!w.regions().empty() && !a.add_region)
      refusal =
          "the database has a region already; `samen init` is for a new installation "
          "(pass --add-region to add another region to it)";
    else if (w.user_by_email(email))
      refusal = "--admin-email: a user with this address exists";
    if (!refusal.empty()) return audit::JobOutcome{false, {}};
    org.region_id = w.insert_region(store::Region{"", region_name});
    org.id = w.insert_organisation(org);
    // Nobody knows this password: the account is usable only once the link has set one, and
    // a login attempt before that costs the same argon2id check as any other.
    user_id = w.insert_user(
        store::User{"", email, name, security::hash_password(security::random_token()), true, 1});
    auto membership_id = w.insert_membership(
        store::Membership{"", user_id, org.id, domain::Role::admin, true, "", ""});
    link = api::issue_password_setup(w, user_id, domain::now_millis());
    return audit::JobOutcome{true,
                             {cli_event("create", "region", org.region_id, "", org.region_id),
                              cli_event("create", "organisation", org.id, "", org.region_id),
                              cli_event("create", "user", user_id, "", org.region_id),
                              cli_event("create", "membership", membership_id, "", org.region_id),
                              cli_event("create", "password_link", link.id, "", org.region_id)}};
  });
  if (!refusal.empty()) throw CommandError(refusal);
  std::cout << "Region \"" << region_name << "\" created with organisation \"" << org.name << "\" ("
            << domain::to_string(org.type) << ") and its administrator " << email << " (user "
            << user_id << ").\n"
            << "Set the administrator's password within 72 hours, once, at:\n\n  "
            << api::password_setup_link(a.base_url, link.token) << "\n\n"
            << "(`samen user setup-link --email " << email
            << "` makes a new link if this one expires.)\n";
}

}  // namespace

void add_init_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "init", "create a region, its first organisation and administrator on an empty database");
  auto a = std::make_shared<InitArgs>();
  cmd->add_option("--db", a->db, "database: SQLite path or postgresql:// URL")->envname("SAMEN_DB");
  cmd->add_option("--region", a->region, "name of the region")->required();
  cmd->add_option("--organisation", a->organisation,
                  "name of the region's first organisation, where the administrator works")
      ->required();
  cmd->add_option("--organisation-type", a->organisation_type,
                  "its type: municipality (default), partnership, school, care_provider, "
                  "health_service or neighbourhood_team");
  cmd->add_option("--admin-email", a->email, "the administrator's login e-mail address")
      ->required();
  cmd->add_option("--admin-name", a->name, "the administrator's full name (default Beheerder)");
  cmd->add_option("--base-url", a->base_url,
                  "the address users open Samen at, for the link (default http://127.0.0.1:8080)")
      ->envname("SAMEN_BASE_URL");
  cmd->add_flag("--add-region", a->add_region,
                "add a region to a database that has one already, instead of refusing");
  cmd->callback([a] { run_init(*a); });
}

}  // namespace samen::cli
