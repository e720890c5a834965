// samen user add: create an account with one membership and a password.
// samen user setup-link: a new one-time link for a user to set their password (the first
// administrator's from `samen init` expired, or someone forgot theirs).
#include <fstream>
#include <iostream>
#include <sstream>

#include "api/password_setup.hpp"
#include "audit/audited_writer.hpp"
#include "cli/cli_audit.hpp"
#include "cli/commands.hpp"
#include "domain/password_policy.hpp"
#include "domain/text.hpp"
#include "security/crypto.hpp"

namespace samen::cli {
namespace {

void add_setup_link_command(CLI::App& user) {
  auto* cmd = user.add_subcommand("setup-link", "print a one-time link to set a user's password");
  struct Args {
    std::string db, email, base_url = "http://127.0.0.1:8080";
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("--db", a->db, "database: SQLite path or postgresql:// URL")->envname("SAMEN_DB");
  cmd->add_option("--email", a->email, "the user's login e-mail address")->required();
  cmd->add_option("--base-url", a->base_url,
                  "the address users open Samen at (default http://127.0.0.1:8080)")
      ->envname("SAMEN_BASE_URL");
  cmd->callback([a] {
    auto store = open_migrated_store(a->db, 1);
    std::string email = domain::to_lower_ascii(domain::trim(a->email));
    std::optional<store::User> found;
    std::string region;
    {
      auto tx = store->begin_read();
      found = tx->user_by_email(email);
      if (!found) throw CommandError("--email: no user with this address");
      if (!found->active) throw CommandError("--email: this user is deactivated");
      auto memberships = tx->memberships_of(found->id);
      if (!memberships.empty()) region = memberships.front().region_id;
    }
    api::IssuedPasswordSetup link;
    audit::AuditedWriter writer(*store);
    writer.run([&](store::WriteTx& w) {
      link = api::issue_password_setup(w, found->id, domain::now_millis());
      return audit::JobOutcome{true, {cli_event("create", "password_link", link.id, "", region)}};
    });
    std::cout << "Set the password of " << email << " within 72 hours, once, at:\n\n  "
              << api::password_setup_link(a->base_url, link.token) << "\n";
  });
}

}  // namespace

void add_user_command(CLI::App& app) {
  auto* user = app.add_subcommand("user", "manage accounts");
  user->require_subcommand(1);
  add_setup_link_command(*user);
  auto* add = user->add_subcommand("add", "create a user with a membership");
  struct Args {
    std::string db, email, name, org, role, password_file;
  };
  auto a = std::make_shared<Args>();
  add->add_option("--db", a->db, "SQLite database path")->envname("SAMEN_DB");
  add->add_option("--email", a->email, "login e-mail address")->required();
  add->add_option("--name", a->name, "full name")->required();
  add->add_option("--org", a->org, "organisation id or exact name")->required();
  add->add_option("--role", a->role, "role code, e.g. admin, mentor, care_coordinator")->required();
  add->add_option("--password-file", a->password_file,
                  "file whose first line is the password (- for stdin)")
      ->required();
  add->callback([a] {
    auto store = open_migrated_store(a->db, 1);
    std::string email = domain::to_lower_ascii(domain::trim(a->email));
    if (!domain::looks_like_email(email)) throw CommandError("--email: not a valid e-mail address");
    auto role = domain::parse_role(a->role);
    if (!role) throw CommandError("--role: unknown role code '" + a->role + "'");
    std::string password;
    if (a->password_file == "-") {
      std::getline(std::cin, password);
    } else {
      std::ifstream in(a->password_file);
      if (!in) throw CommandError("--password-file: cannot read " + a->password_file);
      std::getline(in, password);
    }
    if (!password.empty() && password.back() == '\r') password.pop_back();
    if (auto strong = domain::check_password_strength(password, email, a->name); !strong)
      throw CommandError("--password-file: " + strong.error().message);
    store::Organisation org;
    {
      auto tx = store->begin_read();
      org = find_organisation(*tx, a->org, "--org");
      if (tx->user_by_email(email)) throw CommandError("--email: a user with this address exists");
    }
    std::string hash = security::hash_password(password);
    audit::AuditedWriter writer(*store);
    std::string user_id;
    writer.run([&](store::WriteTx& w) {
      user_id = w.insert_user(store::User{"", email, a->name, hash, true, 1});
      auto membership_id =
          w.insert_membership(store::Membership{"", user_id, org.id, *role, true, "", ""});
      return audit::JobOutcome{
          true,
          {cli_event("create", "user", user_id, "", org.region_id),
           cli_event("create", "membership", membership_id, "", org.region_id)}};
    });
    std::cout << "user " << user_id << " created: " << email << " as " << a->role << " at "
              << org.name << "\n";
  });
}

}  // namespace samen::cli
