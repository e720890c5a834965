#pragma once
// The Store: everything the layers above need from persistent storage, as an interface
// with one implementation per backend (sqlite/ now, postgres/ next). Work happens in
// transactions: a ReadTx is one consistent snapshot for a request's reads; a WriteTx is
// the single writer's transaction. Savepoints let the group-commit writer run several
// requests' writes in one transaction and undo one of them without the others.
//
// Errors: methods throw StoreError only for failures the caller cannot cause (I/O,
// corruption, a broken invariant). Conflicts a user can cause are return values.
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/policy.hpp"
#include "store/records.hpp"
#include "store/table_copy.hpp"

namespace samen::store {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ReadTx {
 public:
  virtual ~ReadTx() = default;

  virtual std::optional<Region> region(const std::string& id) = 0;
  virtual std::vector<Region> regions() = 0;
  virtual std::optional<Organisation> organisation(const std::string& id) = 0;
  virtual std::vector<Organisation> organisations(const std::string& region_id) = 0;

  virtual std::optional<User> user(const std::string& id) = 0;
  virtual std::optional<User> user_by_email(const std::string& email) = 0;
  virtual std::vector<User> users_in_region(const std::string& region_id) = 0;
  virtual std::vector<Membership> memberships_of(const std::string& user_id) = 0;
  virtual std::optional<Membership> membership(const std::string& id) = 0;

  virtual std::optional<Session> session(const std::string& token_hash) = 0;
  virtual std::optional<SessionPrincipal> session_principal(const std::string& token_hash) = 0;
  // Failed logins in the window, per account and per client address (login rate limit).
  virtual LoginFailureCounts login_failures(const std::string& account_key,
                                            const std::string& address, domain::Millis since) = 0;

  virtual std::optional<PupilRecord> pupil(const std::string& id) = 0;
  virtual std::optional<std::string> pupil_id_by_number(const std::string& school_id,
                                                        const std::string& pupil_number) = 0;
  virtual std::optional<domain::PupilFacts> pupil_facts(const std::string& id) = 0;
  virtual std::vector<PupilRecord> pupils(const domain::PupilScope& scope, const PupilQuery& q) = 0;
  // The pupils of a school that have one of these numbers, with guardians, in no
  // particular order; numbers that match nobody are left out. For the import, which looks
  // up one batch of rows at a time (a thousand) rather than holding the whole school.
  virtual std::vector<domain::Pupil> pupils_by_number(const std::string& school_id,
                                                      const std::vector<std::string>& numbers) = 0;
  virtual std::vector<domain::PupilFacts> all_pupil_facts(const std::string& school_id) = 0;

  virtual std::optional<AuditRow> audit_head() = 0;
  // Rows with seq in [from_seq, from_seq + limit), ascending: for the verifier.
  virtual std::vector<AuditRow> audit_range(std::int64_t from_seq, int limit) = 0;
  virtual std::vector<AuditRow> audit_search(const AuditQuery& q) = 0;

  // Raw table access for moving a deployment between backends (table_copy.hpp): every
  // table that holds data (not the migration bookkeeping), and its rows in normal form.
  virtual std::vector<TableInfo> data_tables() = 0;
  virtual void scan_table(const TableInfo& table,
                          const std::function<void(const RawRow&)>& on_row) = 0;
};

class WriteTx : public ReadTx {
 public:
  virtual std::string insert_region(const Region& r) = 0;
  virtual std::string insert_organisation(const Organisation& o) = 0;
  // Returns false when expected_version is not the current version.
  virtual bool set_organisation_active(const std::string& id, bool active,
                                       std::int64_t expected_version) = 0;
  virtual std::string insert_user(const User& u) = 0;
  virtual bool set_user_active(const std::string& id, bool active,
                               std::int64_t expected_version) = 0;
  virtual bool set_user_password(const std::string& id, const std::string& hash) = 0;
  virtual std::string insert_membership(const Membership& m) = 0;
  virtual bool set_membership_active(const std::string& id, bool active) = 0;

  virtual void insert_session(const Session& s) = 0;
  virtual void touch_session(const std::string& token_hash, domain::Millis at) = 0;
  virtual void set_session_membership(const std::string& token_hash,
                                      const std::string& membership_id) = 0;
  virtual void revoke_session(const std::string& token_hash) = 0;
  virtual void revoke_sessions_of_user(const std::string& user_id) = 0;
  virtual void record_login_failure(const std::string& account_key, const std::string& address,
                                    domain::Millis at) = 0;

  // Inserts the pupil and its guardians; returns the pupil with ids filled in.
  virtual domain::Pupil insert_pupil(const domain::Pupil& p) = 0;
  // Replaces master data and guardians; false when expected_version is stale.
  virtual bool update_pupil(const domain::Pupil& p, std::int64_t expected_version) = 0;

  // Family logins: a guardian or pupil record gets the user that acts as them.
  virtual void link_guardian_user(const std::string& guardian_id, const std::string& user_id) = 0;
  virtual void link_pupil_user(const std::string& pupil_id, const std::string& user_id) = 0;

  virtual void append_audit(const AuditRow& row) = 0;

  // Inserts rows as they are, keys included (samen copy). Columns as in `table`.
  virtual void load_rows(const TableInfo& table, const std::vector<RawRow>& rows) = 0;
  // After load_rows: generated keys continue after the highest loaded one.
  virtual void after_bulk_load() = 0;

  virtual void savepoint() = 0;
  virtual void release_savepoint() = 0;
  virtual void rollback_to_savepoint() = 0;
  virtual void commit() = 0;  // without commit(), destruction rolls back
};

class Store {
 public:
  virtual ~Store() = default;
  virtual std::unique_ptr<ReadTx> begin_read() = 0;
  // Blocks until the single writer slot is free.
  virtual std::unique_ptr<WriteTx> begin_write() = 0;
  virtual int schema_version() = 0;
  virtual int latest_schema_version() const = 0;
  // Applies pending migrations; returns how many ran.
  virtual int migrate() = 0;
  virtual std::string backend_name() const = 0;
  // A consistent copy of the whole database in a new file, taken while others keep
  // reading and writing. Throws StoreError when the backend cannot (or the file exists).
  virtual void backup_to(const std::string& path) = 0;
};

// Opens the store named by a --db value (a SQLite path for now).
std::unique_ptr<Store> open_store(const std::string& location, int reader_connections = 4);

}  // namespace samen::store
