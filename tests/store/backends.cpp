#include "store/backends.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <stdexcept>

#include "domain/pupil.hpp"
#include "security/crypto.hpp"
#include "store/postgres/pg_connection.hpp"

namespace samen::testing {

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path = std::filesystem::temp_directory_path() /
         ("samen-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(path);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

namespace {

domain::Pupil sanne(const std::string& school_id, const std::string& number) {
  domain::Pupil p;
  p.school_id = school_id;
  p.pupil_number = number;
  p.given_name = "Sanne";
  p.family_name = "Dijk";
  p.date_of_birth = {2013, 3, 1};
  return p;
}

}  // namespace

std::string insert_pupil(store::WriteTx& tx, const std::string& school_id,
                         const std::string& number) {
  return tx.insert_pupil(sanne(school_id, number)).id;
}

SchoolWithPupil insert_school_with_pupil(store::WriteTx& tx,
                                         std::vector<domain::Guardian> guardians) {
  SchoolWithPupil out;
  out.region = tx.insert_region({"", "R"});
  out.school = tx.insert_organisation(
      {"", out.region, "School", domain::OrgType::school, domain::SchoolType::secondary, true, 1});
  out.coordinator = tx.insert_user({"", "zc@x", "ZC", "hash", true, 1});
  auto p = sanne(out.school, "1");
  p.guardians = std::move(guardians);
  auto inserted = tx.insert_pupil(p);
  out.pupil = inserted.id;
  for (const auto& g : inserted.guardians) out.guardian_ids.push_back(g.id);
  return out;
}

std::shared_ptr<const security::FieldKeys> test_field_keys() {
  // A standby key beside the current one, so a rotation test can make it current.
  static const auto keys = [] {
    auto ring = security::FieldKeys::generate();
    ring.add_key(/*make_current=*/false);
    return std::make_shared<const security::FieldKeys>(std::move(ring));
  }();
  return keys;
}

namespace {

// SAMEN_TEST_PG names a PostgreSQL database from which we may create databases
// (scripts/test-postgres.sh prints one). Each store gets a database of its own.
std::shared_ptr<store::Store> open_postgres(const std::string& admin_uri) {
  static std::atomic<int> counter{0};
  std::string name = "samen_t_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  auto slash = admin_uri.rfind('/');
  std::string uri = admin_uri.substr(0, slash + 1) + name;
  {
    store::postgres::PgConnection admin(admin_uri);
    admin.exec(("DROP DATABASE IF EXISTS " + name).c_str());
    admin.exec(("CREATE DATABASE " + name).c_str());
  }
  auto store = store::open_store(uri, 2, test_field_keys());
  store->migrate();
  auto* raw = store.release();
  return std::shared_ptr<store::Store>(raw, [admin_uri, name](store::Store* s) {
    delete s;
    try {
      store::postgres::PgConnection admin(admin_uri);
      admin.exec(("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").c_str());
    } catch (const store::StoreError&) {
      // A leftover test database is harmless; the next cluster start removes it.
    }
  });
}

}  // namespace

std::vector<Backend> store_backends() {
  security::init_crypto();
  std::vector<Backend> backends = {Backend{
      "sqlite", [] {
        auto dir = std::make_shared<TempDir>();
        auto store = store::open_store((dir->path / "test.db").string(), 2, test_field_keys());
        store->migrate();
        // Keep the directory alive exactly as long as the store.
        auto* raw = store.release();
        return std::shared_ptr<store::Store>(raw, [dir](store::Store* s) { delete s; });
      }}};
  // Always listed, so the set of tests never depends on the environment; without a server
  // to test against the PostgreSQL cases fail and say how to get one.
  backends.push_back(
      Backend{"postgres", [] {
                const char* pg = std::getenv("SAMEN_TEST_PG");
                if (!pg || !*pg)
                  throw std::runtime_error(
                      "SAMEN_TEST_PG is not set: run `make test`, or export the URI that "
                      "scripts/test-postgres.sh start prints");
                return open_postgres(pg);
              }});
  return backends;
}

domain::PupilScope full_school_scope(const std::string& school_id) {
  domain::PupilScope scope;
  scope.kind = domain::PupilScope::Kind::school;
  scope.school_id = school_id;
  scope.school_view = domain::PupilView::full;
  return scope;
}

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) { return info.param.name; }

store::EntryRecord an_entry(const std::string& case_id, const std::string& pupil_id,
                            const domain::Viewer& author, domain::EntryCategory category,
                            domain::Audience audience, domain::Millis at) {
  store::EntryRecord e;
  e.facts = {
      "",          case_id,  pupil_id, author.user_id, author.membership_id, author.organisation_id,
      author.role, audience, category, false};
  e.kind = "note";
  e.text = "text";
  e.created_at = at;
  return e;
}

void seat_at_table(store::WriteTx& tx, const std::string& case_id, const std::string& membership_id,
                   const std::string& by_user_id, domain::Millis at) {
  tx.add_team_member({"",
                      case_id,
                      membership_id,
                      "reason",
                      by_user_id,
                      at,
                      {},
                      "",
                      "",
                      "",
                      domain::Role::teacher});
}

}  // namespace samen::testing
